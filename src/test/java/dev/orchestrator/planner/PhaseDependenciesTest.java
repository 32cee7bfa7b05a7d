package dev.orchestrator.planner;

import static dev.orchestrator.planner.TaskDraftTest.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseDependenciesTest {

  private static final TaskDraft CONTRACT =
      draft("Contract", Layer.CONTRACT, List.of(), List.of("api/**"));
  private static final TaskDraft BACKEND =
      draft("Backend", Layer.PART, List.of(), List.of("src/server/**"));
  private static final TaskDraft FRONTEND =
      draft("Frontend", Layer.PART, List.of(), List.of("src/client/**"));
  private static final TaskDraft TESTS =
      draft("Tests", Layer.VERIFICATION, List.of(), List.of("tests/**"));
  private static final TaskDraft DOCS =
      draft("Docs", Layer.VERIFICATION, List.of(), List.of("docs/**"));

  @Test
  void lets_the_parts_wait_only_for_the_contract_and_verification_for_every_part() {
    assertThat(PhaseDependencies.of(List.of(CONTRACT, BACKEND, FRONTEND, TESTS, DOCS)))
        .containsExactly(List.of(), List.of(0), List.of(0), List.of(1, 2), List.of(1, 2));
  }

  @Test
  void lets_verification_wait_for_the_contract_when_there_are_no_parts() {
    assertThat(PhaseDependencies.of(List.of(CONTRACT, TESTS)))
        .containsExactly(List.of(), List.of(0));
  }

  @Test
  void starts_a_standalone_part_beside_the_contract() {
    TaskDraft ci =
        new TaskDraft(
            List.of("CI"),
            "CI.",
            Layer.PART,
            2,
            List.of(),
            true,
            List.of("ci"),
            true,
            java.time.Duration.ofHours(1),
            List.of("ci/**"),
            List.of("a", "b"));

    assertThat(PhaseDependencies.of(List.of(CONTRACT, BACKEND, ci, TESTS)))
        .containsExactly(List.of(), List.of(0), List.of(), List.of(1, 2));
  }

  @Test
  void lets_a_components_tests_wait_only_for_the_part_that_builds_it() {
    TaskDraft cart = draft("Cart", Layer.PART, List.of("cart"), List.of("src/cart/**"));
    TaskDraft checkout =
        draft("Checkout", Layer.PART, List.of("checkout"), List.of("src/checkout/**"));
    TaskDraft cartTests =
        draft("Cart tests", Layer.TESTS, List.of("cart"), List.of("tests/cart/**"));
    TaskDraft checkoutTests =
        draft("Checkout tests", Layer.TESTS, List.of("checkout"), List.of("tests/checkout/**"));

    assertThat(
            PhaseDependencies.of(
                List.of(CONTRACT, cart, checkout, BACKEND, cartTests, checkoutTests, TESTS)))
        .containsExactly(
            List.of(),
            List.of(0),
            List.of(0),
            List.of(0),
            List.of(1),
            List.of(2),
            List.of(1, 2, 3));
  }

  @Test
  void lets_tests_find_their_component_in_a_merged_part() {
    TaskDraft cartAndShell =
        draft("Cart", Layer.PART, List.of("cart"), List.of("src/cart/**")).mergedWith(FRONTEND);
    TaskDraft cartTests =
        draft("Cart tests", Layer.TESTS, List.of("cart"), List.of("tests/cart/**"));

    assertThat(PhaseDependencies.of(List.of(CONTRACT, BACKEND, cartAndShell, cartTests)))
        .containsExactly(List.of(), List.of(0), List.of(0), List.of(2));
  }

  @Test
  void needs_drafts_sorted_by_phase() {
    assertThatThrownBy(() -> PhaseDependencies.of(List.of(TESTS, CONTRACT)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sorted by phase");
  }
}
