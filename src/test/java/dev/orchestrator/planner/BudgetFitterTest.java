package dev.orchestrator.planner;

import static dev.orchestrator.planner.TaskDraftTest.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetFitterTest {

  private final BudgetFitter fitter = new BudgetFitter();

  private static final TaskDraft MODEL =
      draft("Data model", Layer.FOUNDATION, List.of(), List.of("src/models/**"));
  private static final TaskDraft CART =
      draft("Cart", Layer.CORE, List.of("cart"), List.of("src/cart/**", "tests/cart/**"));
  private static final TaskDraft CHECKOUT =
      draft("Checkout", Layer.CORE, List.of("checkout"), List.of("src/co/**", "tests/co/**"));
  private static final TaskDraft ROUTING =
      draft("Routing", Layer.CORE, List.of(), List.of("src/app/**"));
  private static final TaskDraft TESTS =
      draft("Integration tests", Layer.VERIFICATION, List.of(), List.of("tests/integration/**"));
  private static final TaskDraft DOCS =
      draft("Documentation", Layer.VERIFICATION, List.of(), List.of("docs/**"));
  private static final TaskDraft BENCHMARKS =
      draft("Benchmarks", Layer.VERIFICATION, List.of(), List.of("tests/performance/**"));

  private final List<TaskDraft> plan = List.of(MODEL, CART, CHECKOUT, ROUTING, TESTS, DOCS);

  @Test
  void leaves_a_plan_within_its_budget_alone() {
    BudgetFitter.Fitting fitting = fitter.fit(plan, List.of(), new TaskBudget(4, 8));

    assertThat(fitting.drafts()).isEqualTo(plan);
    assertThat(fitting.split() + fitting.added() + fitting.merged()).isZero();
  }

  @Test
  void splits_the_tests_of_every_component_when_that_fits() {
    BudgetFitter.Fitting fitting = fitter.fit(plan, List.of(), new TaskBudget(7, 8));

    assertThat(fitting.split()).isEqualTo(2);
    assertThat(fitting.drafts())
        .extracting(TaskDraft::name)
        .containsExactly(
            "Data model",
            "Cart",
            "Checkout",
            "Routing",
            "Cart tests",
            "Checkout tests",
            "Integration tests",
            "Documentation");
  }

  @Test
  void splits_only_the_tests_it_needs_when_all_would_not_fit() {
    BudgetFitter.Fitting fitting = fitter.fit(plan, List.of(), new TaskBudget(7, 7));

    assertThat(fitting.split()).isEqualTo(1);
    assertThat(fitting.drafts()).extracting(TaskDraft::name).contains("Cart tests");
  }

  @Test
  void adds_extras_in_order_once_no_tests_are_left_to_split() {
    BudgetFitter.Fitting fitting =
        fitter.fit(plan, List.of(DOCS, BENCHMARKS), new TaskBudget(9, 15));

    assertThat(fitting.added()).isEqualTo(1);
    assertThat(fitting.drafts()).extracting(TaskDraft::name).contains("Benchmarks");
  }

  @Test
  void fails_loudly_when_the_extras_cannot_fill_the_budget() {
    assertThatThrownBy(() -> fitter.fit(plan, List.of(), new TaskBudget(16, Integer.MAX_VALUE)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("16 or more tasks");
  }

  @Test
  void merges_component_tasks_of_the_most_crowded_layer_first() {
    BudgetFitter.Fitting fitting = fitter.fit(plan, List.of(), new TaskBudget(4, 5));

    assertThat(fitting.merged()).isEqualTo(1);
    assertThat(fitting.drafts())
        .extracting(TaskDraft::name)
        .containsExactly(
            "Data model", "Cart and checkout", "Routing", "Integration tests", "Documentation");
  }

  @Test
  void merges_neighbouring_layers_when_every_layer_has_one_task() {
    BudgetFitter.Fitting fitting = fitter.fit(plan, List.of(), new TaskBudget(1, 2));

    assertThat(fitting.drafts()).hasSize(2);
    assertThat(fitting.drafts().stream().flatMap(d -> d.files().stream()))
        .containsExactlyInAnyOrderElementsOf(
            plan.stream().flatMap(d -> d.files().stream()).toList());
  }
}
