package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.plan.FileConflicts;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.planner.repository.RepositoryMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The heuristic planner against an existing repository's layout, offline. */
class HeuristicPlannerOnRepositoryTest {

  @TempDir Path root;

  final HeuristicPlanner planner = new HeuristicPlanner();

  RepositoryMap repository(String... paths) throws IOException {
    List<String> tracked = new ArrayList<>();
    for (String path : paths) {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, path.endsWith(".toml") ? "[tool.pytest.ini_options]\n" : "x\n");
      tracked.add(path);
    }
    return RepositoryMap.read(root, tracked);
  }

  static List<String> claims(Plan plan) {
    return plan.tasks().stream().flatMap(t -> t.files().stream()).toList();
  }

  static void assertNoTwoConcurrentTasksShareAFile(Plan plan) {
    assertThat(FileConflicts.pairs(plan, TaskGraph.of(plan))).isEmpty();
  }

  static List<String> files(Plan plan, String taskId) {
    return plan.tasks().stream()
        .filter(t -> t.id().equals(taskId))
        .findFirst()
        .orElseThrow()
        .files();
  }

  @Nested
  class A_maven_repository {

    RepositoryMap map() throws IOException {
      return repository(
          "pom.xml",
          "README.md",
          "src/main/java/com/acme/shop/App.java",
          "src/main/java/com/acme/shop/api/ApiServer.java",
          "src/main/java/com/acme/shop/api/Routes.java",
          "src/main/java/com/acme/shop/store/OrderStore.java",
          "src/main/java/com/acme/shop/store/UserStore.java",
          "src/test/java/com/acme/shop/api/ApiServerTest.java",
          "src/test/java/com/acme/shop/store/OrderStoreTest.java");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "Add rate limiting to the API",
          "Add order history and user accounts with login to the shop API",
          "Add a CSV export, a JSON import and an order report"
        })
    void claims_only_paths_of_its_package_layout_readme_and_pom(String requirement)
        throws IOException {
      Plan plan = planner.plan(requirement, 3, map());

      assertThat(claims(plan))
          .allSatisfy(
              claim ->
                  assertThat(
                          claim.startsWith("src/main/java/com/acme/shop/")
                              || claim.startsWith("src/test/java/com/acme/shop/")
                              || claim.equals("pom.xml")
                              || claim.equals("README.md"))
                      .as(claim)
                      .isTrue());
      assertNoTwoConcurrentTasksShareAFile(plan);
    }

    @Test
    void creates_new_code_in_a_package_of_its_own_and_changes_the_files_its_words_name()
        throws IOException {
      Plan plan = planner.plan("Add rate limiting to the API", 3, map());

      assertThat(plan.tasks())
          .extracting(Task::name)
          .containsExactly(
              "Add rate limiting to the API",
              "Tests of the change",
              "Wire in and document the change");
      assertThat(files(plan, "task_1"))
          .containsExactly(
              "src/main/java/com/acme/shop/ratelimiting/**",
              "src/main/java/com/acme/shop/api/ApiServer.java");
      assertThat(files(plan, "task_2"))
          .containsExactly(
              "src/test/java/com/acme/shop/ratelimiting/**",
              "src/test/java/com/acme/shop/api/ApiServerTest.java");
      assertThat(files(plan, "task_3")).containsExactly("pom.xml", "README.md");
      assertThat(plan.dependenciesOf("task_2")).containsExactly("task_1");
      assertThat(plan.notes())
          .contains("Maven (Java), package com.acme.shop")
          .contains("Its tests run with mvn -B -q test")
          .contains("src/main/java/com/acme/shop/api/ApiServer.java (\"api\")");
    }

    @Test
    void a_file_that_only_the_requirements_other_words_name_goes_to_the_last_task()
        throws IOException {
      Plan plan =
          planner.plan("Add order history and user accounts with login to the shop API", 3, map());

      assertThat(plan.tasks().get(0).name()).isEqualTo("Login");
      assertThat(files(plan, "task_1")).containsExactly("src/main/java/com/acme/shop/login/**");
      assertThat(files(plan, "task_3"))
          .contains(
              "src/main/java/com/acme/shop/store/OrderStore.java",
              "src/main/java/com/acme/shop/store/UserStore.java");
      assertThat(plan.dependenciesOf("task_3")).contains("task_1");
    }

    @Test
    void is_deterministic() throws IOException {
      RepositoryMap map = map();

      assertThat(planner.plan("Add rate limiting to the API", 3, map))
          .isEqualTo(planner.plan("Add rate limiting to the API", 3, map));
    }
  }

  @Nested
  class A_python_src_layout {

    RepositoryMap map() throws IOException {
      return repository(
          "pyproject.toml",
          "README.md",
          "src/acme_tools/__init__.py",
          "src/acme_tools/core.py",
          "src/acme_tools/exporter.py",
          "tests/test_core.py",
          "tests/test_exporter.py");
    }

    @Test
    void claims_modules_of_its_package_and_tests_under_tests() throws IOException {
      Plan plan = planner.plan("Add YAML output to the exporter", 3, map());

      assertThat(claims(plan))
          .allSatisfy(
              claim ->
                  assertThat(
                          claim.startsWith("src/acme_tools/")
                              || claim.startsWith("tests/")
                              || claim.equals("pyproject.toml")
                              || claim.equals("README.md"))
                      .as(claim)
                      .isTrue());
      assertThat(files(plan, "task_1"))
          .containsExactly(
              "src/acme_tools/yaml_output.py",
              "src/acme_tools/yaml_output/**",
              "src/acme_tools/exporter.py");
      assertThat(files(plan, "task_2"))
          .containsExactly(
              "tests/test_yaml_output.py", "tests/yaml_output/**", "tests/test_exporter.py");
      assertThat(plan.notes()).contains("python -m pytest");
      assertNoTwoConcurrentTasksShareAFile(plan);
    }
  }

  @Test
  void a_node_repository_gets_src_and_test_claims() throws IOException {
    Plan plan =
        planner.plan(
            "Add dark mode",
            2,
            repository("package.json", "src/index.js", "src/theme.js", "test/theme.test.js"));

    assertThat(files(plan, "task_1")).containsExactly("src/dark-mode/**");
    assertThat(files(plan, "task_2")).containsExactly("test/dark-mode.test.*", "test/dark-mode/**");
    assertNoTwoConcurrentTasksShareAFile(plan);
  }

  @Test
  void tasks_that_would_share_a_file_run_one_after_the_other() throws IOException {
    // The part "billing" makes its new code in the existing billing package, where the part
    // "invoices" changes Invoice.java.
    Plan plan =
        planner.plan(
            "Build a shop with billing and invoices",
            3,
            repository(
                "pom.xml",
                "src/main/java/com/acme/App.java",
                "src/main/java/com/acme/billing/Invoice.java"));

    assertNoTwoConcurrentTasksShareAFile(plan);
    assertThat(plan.notes()).contains("1 pair of tasks that share files run one after the other");
  }
}
