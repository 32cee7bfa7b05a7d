package dev.orchestrator.planner;

import static dev.orchestrator.planner.TaskDraftTest.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayeredDependenciesTest {

  private static final TaskDraft MODEL =
      draft("Data model", Layer.FOUNDATION, List.of(), List.of("src/models/**"));
  private static final TaskDraft CART =
      draft("Cart backend", Layer.CORE, List.of("cart"), List.of("src/server/cart/**"));
  private static final TaskDraft CHECKOUT =
      draft("Checkout backend", Layer.CORE, List.of("checkout"), List.of("src/server/co/**"));
  private static final TaskDraft CART_UI =
      draft("Cart UI", Layer.INTERFACE, List.of("cart"), List.of("src/client/cart/**"));
  private static final TaskDraft SHELL =
      draft("Shell", Layer.INTERFACE, List.of(), List.of("src/client/app/**"));
  private static final TaskDraft TESTS =
      draft("Integration tests", Layer.VERIFICATION, List.of(), List.of("tests/integration/**"));

  @Test
  void lets_component_work_wait_for_the_same_component_below() {
    List<List<Integer>> waits = LayeredDependencies.of(List.of(MODEL, CART, CHECKOUT, CART_UI));

    assertThat(waits.get(3)).containsExactly(1);
  }

  @Test
  void lets_the_first_task_of_a_component_wait_for_everything_below() {
    List<List<Integer>> waits = LayeredDependencies.of(List.of(MODEL, CART, CHECKOUT));

    assertThat(waits).containsExactly(List.of(), List.of(0), List.of(0));
  }

  @Test
  void lets_shared_work_wait_for_what_nothing_below_waits_for_yet() {
    List<List<Integer>> waits =
        LayeredDependencies.of(List.of(MODEL, CART, CHECKOUT, CART_UI, SHELL, TESTS));

    assertThat(waits.get(4)).containsExactly(1, 2);
    assertThat(waits.get(5)).containsExactly(3, 4);
  }

  @Test
  void never_lets_tasks_of_one_layer_wait_for_each_other() {
    List<List<Integer>> waits = LayeredDependencies.of(List.of(MODEL, CART, CHECKOUT));

    assertThat(waits.get(2)).doesNotContain(1);
  }

  @Test
  void needs_drafts_sorted_by_layer() {
    assertThatThrownBy(() -> LayeredDependencies.of(List.of(CART, MODEL)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
