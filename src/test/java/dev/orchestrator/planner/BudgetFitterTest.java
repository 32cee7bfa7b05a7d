package dev.orchestrator.planner;

import static dev.orchestrator.planner.TaskDraftTest.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BudgetFitterTest {

  private final BudgetFitter fitter = new BudgetFitter();

  private static final TaskDraft CONTRACT =
      draft("Contract", Layer.CONTRACT, List.of(), List.of("api/**"), Duration.ofMinutes(30));
  private static final TaskDraft CART_BACKEND =
      draft("Cart backend", Layer.PART, List.of("cart"), List.of("src/server/cart/**"));
  private static final TaskDraft CART_UI =
      draft(
          "Cart UI",
          Layer.PART,
          List.of("cart"),
          List.of("src/client/cart/**"),
          Duration.ofHours(1));
  private static final TaskDraft CHECKOUT_BACKEND =
      draft("Checkout backend", Layer.PART, List.of("checkout"), List.of("src/server/co/**"));
  private static final TaskDraft CHECKOUT_UI =
      draft(
          "Checkout UI",
          Layer.PART,
          List.of("checkout"),
          List.of("src/client/co/**"),
          Duration.ofHours(1));
  private static final TaskDraft SHELL =
      draft("Shell", Layer.PART, List.of(), List.of("src/client/app/**"), Duration.ofHours(1));
  private static final TaskDraft DATABASE =
      draft("Database", Layer.PART, List.of(), List.of("db/**"), Duration.ofHours(1));
  private static final TaskDraft TESTS =
      draft("Integration tests", Layer.VERIFICATION, List.of(), List.of("tests/integration/**"));
  private static final TaskDraft DOCS =
      draft("Documentation", Layer.VERIFICATION, List.of(), List.of("docs/**"));
  private static final TaskDraft BENCHMARKS =
      draft("Benchmarks", Layer.VERIFICATION, List.of(), List.of("tests/performance/**"));

  private final List<TaskDraft> plan =
      List.of(
          CONTRACT,
          CART_BACKEND,
          CART_UI,
          CHECKOUT_BACKEND,
          CHECKOUT_UI,
          SHELL,
          DATABASE,
          TESTS,
          DOCS);

  @Test
  void leaves_a_plan_within_its_budget_alone() {
    BudgetFitter.Fitting fitting = fitter.fit(plan, List.of(BENCHMARKS), new TaskBudget(4, 9));

    assertThat(fitting.drafts()).isEqualTo(plan);
    assertThat(fitting.added() + fitting.merged()).isZero();
  }

  @Test
  void adds_extras_that_no_task_covers_until_the_minimum() {
    TaskDraft coveredDocs = draft("Docs site", Layer.VERIFICATION, List.of(), List.of("docs/x/**"));

    BudgetFitter.Fitting fitting =
        fitter.fit(plan, List.of(coveredDocs, BENCHMARKS, BENCHMARKS), new TaskBudget(10, 15));

    assertThat(fitting.added()).isEqualTo(1);
    assertThat(fitting.drafts()).hasSize(10).last().isEqualTo(BENCHMARKS);
  }

  @Test
  void groups_the_parts_of_one_component_first() {
    BudgetFitter.Fitting fitting = fitter.fit(plan, List.of(), new TaskBudget(4, 7));

    assertThat(fitting.merged()).isEqualTo(2);
    assertThat(fitting.drafts())
        .extracting(TaskDraft::name)
        .containsExactly(
            "Contract",
            "Cart backend and cart UI",
            "Checkout backend and checkout UI",
            "Shell",
            "Database",
            "Integration tests",
            "Documentation");
  }

  @Test
  void then_groups_the_shortest_parts_to_keep_them_even() {
    BudgetFitter.Fitting fitting = fitter.fit(plan, List.of(), new TaskBudget(4, 6));

    assertThat(fitting.drafts())
        .extracting(TaskDraft::name)
        .contains("Shell and database", "Cart backend and cart UI");
  }

  @Test
  void merges_verification_only_when_two_parts_are_left() {
    BudgetFitter.Fitting fitting = fitter.fit(plan, List.of(), new TaskBudget(1, 4));

    assertThat(fitting.drafts())
        .extracting(TaskDraft::layer)
        .containsExactly(Layer.CONTRACT, Layer.PART, Layer.PART, Layer.VERIFICATION);
    assertThat(fitting.drafts().get(3).name()).isEqualTo("Integration tests and documentation");
  }

  @Test
  void keeps_every_file_and_every_hour_when_merging() {
    BudgetFitter.Fitting fitting = fitter.fit(plan, List.of(), new TaskBudget(1, 3));

    assertThat(fitting.drafts()).hasSize(3);
    assertThat(fitting.drafts().stream().flatMap(d -> d.files().stream()))
        .containsExactlyInAnyOrderElementsOf(
            plan.stream().flatMap(d -> d.files().stream()).toList());
    assertThat(fitting.drafts().stream().map(TaskDraft::duration).reduce(Duration::plus))
        .isEqualTo(plan.stream().map(TaskDraft::duration).reduce(Duration::plus));
  }

  @Nested
  class WithComponentTests {

    private final TaskDraft cartBackend =
        draft(
            "Cart backend",
            Layer.PART,
            List.of("cart"),
            List.of("src/server/cart/**"),
            Duration.ofHours(1));
    private final TaskDraft checkoutBackend =
        draft(
            "Checkout backend",
            Layer.PART,
            List.of("checkout"),
            List.of("src/server/co/**"),
            Duration.ofHours(1));
    private final TaskDraft cartTests =
        draft(
            "Cart tests",
            Layer.TESTS,
            List.of("cart"),
            List.of("tests/server/cart/**"),
            Duration.ofHours(1));
    private final TaskDraft checkoutTests =
        draft(
            "Checkout tests",
            Layer.TESTS,
            List.of("checkout"),
            List.of("tests/server/co/**"),
            Duration.ofHours(1));

    private final List<TaskDraft> plan =
        List.of(
            CONTRACT,
            cartBackend,
            CART_UI,
            checkoutBackend,
            CHECKOUT_UI,
            SHELL,
            DATABASE,
            cartTests,
            checkoutTests,
            TESTS,
            DOCS);

    @Test
    void keeps_them_tasks_of_their_own_while_the_budget_has_room() {
      BudgetFitter.Fitting fitting = fitter.fit(plan, List.of(), new TaskBudget(4, 9));

      assertThat(fitting.drafts())
          .extracting(TaskDraft::name)
          .containsExactly(
              "Contract",
              "Cart backend and cart UI",
              "Checkout backend and checkout UI",
              "Shell",
              "Database",
              "Cart tests",
              "Checkout tests",
              "Integration tests",
              "Documentation");
    }

    @Test
    void folds_them_back_into_the_part_that_builds_their_component_before_grouping_parts() {
      BudgetFitter.Fitting fitting = fitter.fit(plan, List.of(), new TaskBudget(4, 8));

      assertThat(fitting.drafts())
          .extracting(TaskDraft::name)
          .contains("Cart backend, cart UI and cart tests", "Checkout tests", "Shell");
      assertThat(fitting.drafts().get(1).layer()).isEqualTo(Layer.PART);
      assertThat(fitting.drafts()).extracting(TaskDraft::layer).isSorted();
    }

    @Test
    void keeps_every_file_and_every_hour_down_to_the_smallest_budget() {
      BudgetFitter.Fitting fitting = fitter.fit(plan, List.of(), new TaskBudget(1, 3));

      assertThat(fitting.drafts())
          .extracting(TaskDraft::layer)
          .containsExactly(Layer.CONTRACT, Layer.PART, Layer.VERIFICATION);
      assertThat(fitting.drafts().stream().flatMap(d -> d.files().stream()))
          .containsExactlyInAnyOrderElementsOf(
              plan.stream().flatMap(d -> d.files().stream()).toList());
      assertThat(fitting.drafts().stream().map(TaskDraft::duration).reduce(Duration::plus))
          .isEqualTo(plan.stream().map(TaskDraft::duration).reduce(Duration::plus));
    }
  }

  @Test
  void refuses_a_budget_the_extras_cannot_fill() {
    assertThatThrownBy(() -> fitter.fit(plan, List.of(), new TaskBudget(16, 20)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("16 to 20 tasks");
  }
}
