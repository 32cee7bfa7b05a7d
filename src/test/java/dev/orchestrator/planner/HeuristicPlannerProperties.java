package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.PlanValidator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The planner's promises for any requirement built from the words it reacts to. */
class HeuristicPlannerProperties {

  private final HeuristicPlanner planner = new HeuristicPlanner();

  @Property(tries = 300)
  void makes_a_valid_plan_within_the_band_where_independent_tasks_share_no_file(
      @ForAll("requirements") String requirement, @ForAll("budgets") int executors) {
    Plan plan = planner.plan(requirement, executors);

    assertThat(PlanValidator.problems(plan)).isEmpty();
    TaskBudget budget = TaskBudget.of(plan.complexity());
    assertThat(plan.tasks().size()).isBetween(budget.min(), budget.max());
    assertThat(HeuristicPlannerTest.unsafeOverlaps(plan)).isEmpty();
    assertThat(PlanJson.write(planner.plan(requirement, executors)))
        .isEqualTo(PlanJson.write(plan));
  }

  @Provide
  Arbitrary<Integer> budgets() {
    return Arbitraries.integers().between(1, 12);
  }

  @Provide
  Arbitrary<String> requirements() {
    Arbitrary<String> verb = Arbitraries.of("Build", "Create", "Make", "Train", "Write");
    Arbitrary<String> size = Arbitraries.of("", "a ", "a simple ", "a scalable ", "an enterprise ");
    Arbitrary<String> product =
        Arbitraries.of(
            "todo list app",
            "e-commerce platform",
            "REST API",
            "ETL pipeline",
            "machine learning model",
            "2D platformer game",
            "mobile app",
            "CLI tool",
            "library",
            "microservices",
            "calculator function",
            "dashboard",
            "data pipeline",
            "blog");
    Arbitrary<String> opener = Arbitraries.of(" with ", ": ", " for ", " that has ", " ");
    Arbitrary<List<String>> items =
        Arbitraries.of(
                "product catalog",
                "cart",
                "checkout",
                "user service",
                "order service",
                "payment gateway",
                "API gateway",
                "auth",
                "login",
                "monitoring",
                "CI/CD",
                "backend API",
                "frontend UI",
                "PostgreSQL database",
                "Redis cache",
                "Kafka",
                "search",
                "notifications",
                "file uploads",
                "real-time chat",
                "player movement",
                "enemies",
                "levels",
                "data preprocessing",
                "feature engineering",
                "training",
                "evaluation",
                "extracts CSV data",
                "transforms it",
                "loads it",
                "core",
                "app",
                "integration",
                "tests",
                "docs",
                "Docker deployment",
                "comments",
                "tags")
            .list()
            .ofMaxSize(14)
            .uniqueElements();
    return Combinators.combine(verb, size, product, opener, items)
        .as((v, s, p, o, list) -> v + " " + s + p + (list.isEmpty() ? "" : o + joined(list)));
  }

  private static String joined(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }
}
