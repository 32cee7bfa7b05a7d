package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.plan.Effort;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TaskDraftTest {

  static TaskDraft draft(String name, Layer layer, List<String> components, List<String> files) {
    return new TaskDraft(
        List.of(name),
        name + " work.",
        layer,
        layer.priority(),
        components,
        Duration.ofHours(2),
        files,
        List.of(name + " works", name + " is tested"));
  }

  @Nested
  class WhenMerged {

    private final TaskDraft cart =
        draft("Cart UI", Layer.INTERFACE, List.of("cart"), List.of("src/client/cart/**"));
    private final TaskDraft checkout =
        draft("Checkout UI", Layer.INTERFACE, List.of("checkout"), List.of("src/client/co/**"));
    private final TaskDraft shell =
        draft("Shell and navigation", Layer.INTERFACE, List.of(), List.of("src/client/app/**"));

    @Test
    void does_the_work_of_both() {
      TaskDraft merged = cart.mergedWith(checkout);

      assertThat(merged.name()).isEqualTo("Cart UI and checkout UI");
      assertThat(merged.files()).containsExactly("src/client/cart/**", "src/client/co/**");
      assertThat(merged.components()).containsExactly("cart", "checkout");
      assertThat(merged.duration()).isEqualTo(Duration.ofHours(4));
      assertThat(merged.effort()).isEqualTo(Effort.HIGH);
      assertThat(merged.criteria()).hasSize(4);
    }

    @Test
    void becomes_shared_work_when_either_part_is() {
      assertThat(cart.mergedWith(shell).shared()).isTrue();
    }

    @Test
    void sits_in_the_lower_layer_at_the_higher_priority() {
      TaskDraft backend =
          draft("Cart backend", Layer.CORE, List.of("cart"), List.of("src/server/cart/**"));

      TaskDraft merged = backend.mergedWith(cart);

      assertThat(merged.layer()).isEqualTo(Layer.CORE);
      assertThat(merged.priority()).isEqualTo(Layer.CORE.priority());
    }

    @Test
    void joins_names_with_a_plus_when_a_name_has_its_own_and() {
      assertThat(shell.mergedWith(cart).name()).isEqualTo("Shell and navigation + cart UI");
    }

    @Test
    void keeps_an_acronym_at_the_start_of_a_later_name() {
      TaskDraft gateway = draft("API gateway", Layer.INTERFACE, List.of(), List.of("gateway/**"));

      assertThat(cart.mergedWith(gateway).name()).isEqualTo("Cart UI and API gateway");
    }
  }

  @Nested
  class WhenItsTestsAreSplitOff {

    private final TaskDraft backend =
        draft(
            "Cart backend",
            Layer.CORE,
            List.of("cart"),
            List.of("src/server/cart/**", "tests/server/cart/**"));

    @Test
    void keeps_the_code_and_gives_the_tests_to_a_task_one_layer_up() {
      TaskDraft code = backend.withoutTests();
      TaskDraft tests = backend.testsOnly();

      assertThat(code.files()).containsExactly("src/server/cart/**");
      assertThat(tests.files()).containsExactly("tests/server/cart/**");
      assertThat(tests.name()).isEqualTo("Cart backend tests");
      assertThat(tests.layer()).isEqualTo(Layer.INTERFACE);
      assertThat(tests.components()).containsExactly("cart");
    }

    @Test
    void keeps_the_total_estimate() {
      assertThat(backend.withoutTests().duration().plus(backend.testsOnly().duration()))
          .isEqualTo(backend.duration());
    }

    @Test
    void needs_both_code_and_tests_of_a_component() {
      TaskDraft shared =
          draft("Routing", Layer.CORE, List.of(), List.of("src/app/**", "tests/app/**"));
      TaskDraft onlyTests = draft("Checks", Layer.CORE, List.of("cart"), List.of("tests/x/**"));

      assertThat(backend.hasSeparableTests()).isTrue();
      assertThat(shared.hasSeparableTests()).isFalse();
      assertThat(onlyTests.hasSeparableTests()).isFalse();
    }
  }

  @Test
  void takes_its_effort_from_its_duration() {
    assertThat(TaskDraft.typicalDuration(Effort.LOW)).isEqualTo(Duration.ofMinutes(30));
    for (Effort effort : Effort.values()) {
      TaskDraft draft =
          new TaskDraft(
              List.of("x"),
              "x",
              Layer.CORE,
              2,
              List.of(),
              TaskDraft.typicalDuration(effort),
              List.of("x/**"),
              List.of("a", "b"));
      assertThat(draft.effort()).isEqualTo(effort);
    }
  }
}
