package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.plan.Effort;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TaskDraftTest {

  static TaskDraft draft(String name, Layer layer, List<String> components, List<String> files) {
    return draft(name, layer, components, files, Duration.ofHours(2));
  }

  static TaskDraft draft(
      String name, Layer layer, List<String> components, List<String> files, Duration duration) {
    return new TaskDraft(
        List.of(name),
        name + " work.",
        layer,
        layer.priority(),
        components,
        components.isEmpty(),
        List.of(name.toLowerCase(java.util.Locale.ROOT)),
        false,
        duration,
        files,
        List.of(name + " works", name + " is tested"));
  }

  @Nested
  class WhenMerged {

    private final TaskDraft cartBackend =
        draft("Cart backend", Layer.PART, List.of("cart"), List.of("src/server/cart/**"));
    private final TaskDraft cartUi =
        draft("Cart UI", Layer.PART, List.of("cart"), List.of("src/client/cart/**"));
    private final TaskDraft shell =
        draft("Shell and navigation", Layer.PART, List.of(), List.of("src/client/app/**"));

    @Test
    void does_the_work_of_both() {
      TaskDraft merged = cartBackend.mergedWith(cartUi);

      assertThat(merged.name()).isEqualTo("Cart backend and cart UI");
      assertThat(merged.duration()).isEqualTo(Duration.ofHours(4));
      assertThat(merged.files()).containsExactly("src/server/cart/**", "src/client/cart/**");
      assertThat(merged.components()).containsExactly("cart");
      assertThat(merged.kinds()).containsExactly("cart backend", "cart ui");
      assertThat(merged.criteria()).hasSize(4);
    }

    @Test
    void becomes_shared_work_when_either_part_is_and_keeps_the_components_of_both() {
      TaskDraft merged = cartUi.mergedWith(shell);

      assertThat(merged.shared()).isTrue();
      assertThat(merged.components()).containsExactly("cart");
    }

    @Test
    void takes_the_phase_of_the_part_when_a_components_tests_fold_back_into_it() {
      TaskDraft cartTests =
          draft("Cart tests", Layer.TESTS, List.of("cart"), List.of("tests/cart/**"));

      TaskDraft merged = cartBackend.mergedWith(cartTests);

      assertThat(merged.layer()).isEqualTo(Layer.PART);
      assertThat(merged.files()).containsExactly("src/server/cart/**", "tests/cart/**");
    }

    @Test
    void joins_names_with_a_plus_when_a_name_has_its_own_and() {
      assertThat(cartUi.mergedWith(shell).name()).isEqualTo("Cart UI + shell and navigation");
    }

    @Test
    void stays_within_one_phase() {
      TaskDraft docs = draft("Docs", Layer.VERIFICATION, List.of(), List.of("docs/**"));

      assertThatThrownBy(() -> cartUi.mergedWith(docs))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("one phase");
    }
  }

  @Test
  void counts_as_covered_by_a_task_of_the_same_name_or_with_overlapping_files() {
    TaskDraft db = draft("Database", Layer.PART, List.of(), List.of("db/**"));

    assertThat(db.coveredBy(List.of(draft("Model", Layer.PART, List.of(), List.of("db/x/**")))))
        .isTrue();
    assertThat(db.coveredBy(List.of(draft("Database", Layer.PART, List.of(), List.of("d/**")))))
        .isTrue();
    assertThat(db.coveredBy(List.of(draft("Model", Layer.PART, List.of(), List.of("src/**")))))
        .isFalse();
  }

  @Test
  void takes_its_effort_from_its_duration() {
    assertThat(TaskDraft.typicalDuration(Effort.LOW)).isEqualTo(Duration.ofMinutes(30));
    for (Effort effort : Effort.values()) {
      TaskDraft draft =
          draft("x", Layer.PART, List.of(), List.of("x/**"), TaskDraft.typicalDuration(effort));
      assertThat(draft.effort()).isEqualTo(effort);
    }
  }
}
