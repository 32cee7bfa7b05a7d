package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.PlanValidator;
import dev.orchestrator.planner.repository.RepositoryMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The planner's promises against a repository, for any requirement built from its words. */
class HeuristicPlannerOnRepositoryProperties {

  // Only the paths matter here: the map reads no file that is missing from the work tree.
  private static Path root;
  private static RepositoryMap maven;
  private static RepositoryMap python;

  @BeforeContainer
  static void maps() throws IOException {
    root = Files.createTempDirectory("repository-properties");
    maven =
        RepositoryMap.read(
            root,
            List.of(
                "pom.xml",
                "README.md",
                "src/main/java/com/acme/shop/App.java",
                "src/main/java/com/acme/shop/api/ApiGateway.java",
                "src/main/java/com/acme/shop/cart/Cart.java",
                "src/main/java/com/acme/shop/checkout/Checkout.java",
                "src/main/java/com/acme/shop/auth/LoginService.java",
                "src/main/java/com/acme/shop/search/SearchIndex.java",
                "src/test/java/com/acme/shop/cart/CartTest.java",
                "src/test/java/com/acme/shop/auth/LoginServiceTest.java"));
    python =
        RepositoryMap.read(
            root,
            List.of(
                "pyproject.toml",
                "src/shop/__init__.py",
                "src/shop/catalog.py",
                "src/shop/orders.py",
                "src/shop/notifications.py",
                "tests/test_catalog.py",
                "tests/test_orders.py"));
  }

  @AfterContainer
  static void removeRoot() throws IOException {
    Files.deleteIfExists(root);
  }

  @Property(tries = 200)
  void a_maven_plan_is_valid_stays_in_the_layout_and_independent_tasks_share_no_file(
      @ForAll("requirements") String requirement) {
    check(requirement, maven, "src/main/java/com/acme/shop/", "src/test/java/com/acme/shop/");
  }

  @Property(tries = 200)
  void a_python_plan_is_valid_stays_in_the_layout_and_independent_tasks_share_no_file(
      @ForAll("requirements") String requirement) {
    check(requirement, python, "src/shop/", "tests/");
  }

  private void check(String requirement, RepositoryMap map, String code, String tests) {
    HeuristicPlanner planner = new HeuristicPlanner();
    Plan plan = planner.plan(requirement, 3, map);

    assertThat(PlanValidator.problems(plan)).isEmpty();
    assertThat(HeuristicPlannerTest.unsafeOverlaps(plan)).isEmpty();
    assertThat(plan.tasks().size()).isLessThanOrEqualTo(HeuristicPlanner.MAX_TASKS);
    assertThat(plan.tasks().stream().flatMap(t -> t.files().stream()))
        .allSatisfy(
            claim ->
                assertThat(
                        claim.startsWith(code)
                            || claim.startsWith(tests)
                            || map.buildFiles().contains(claim)
                            || claim.equals("README.md"))
                    .as(claim)
                    .isTrue());
    assertThat(PlanJson.write(planner.plan(requirement, 3, map))).isEqualTo(PlanJson.write(plan));
  }

  @Provide
  Arbitrary<String> requirements() {
    return new HeuristicPlannerProperties().requirements();
  }
}
