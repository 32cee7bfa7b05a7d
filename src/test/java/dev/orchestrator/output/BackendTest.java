package dev.orchestrator.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a run whose attempts ran on workers ({@code --engine temporal}) names its executor. */
class BackendTest {

  static final Backend LLM = new Backend("llm", "claude-metered-1");
  static final Backend SIMULATED = new Backend(Backend.SIMULATED, null);

  @Test
  void attempts_that_all_ran_on_one_executor_name_it() {
    assertThat(Backend.ofAttempts(List.of(LLM, new Backend("llm", "claude-metered-1"), LLM)))
        .isEqualTo(LLM);
    assertThat(Backend.ofAttempts(List.of(SIMULATED)).simulated()).isTrue();
  }

  @Test
  void attempts_that_ran_on_different_executors_are_mixed_and_list_them() {
    Backend mixed = Backend.ofAttempts(List.of(LLM, new Backend("llm", "claude-other-2")));

    assertThat(mixed)
        .as("the same kind with another model is another executor")
        .isEqualTo(new Backend(Backend.MIXED, "llm (claude-metered-1), llm (claude-other-2)"));
    assertThat(mixed.simulated()).isFalse();
  }

  @Test
  void mixed_executors_of_which_one_simulated_count_as_a_simulation() {
    Backend mixed = Backend.ofAttempts(List.of(LLM, SIMULATED, LLM));

    assertThat(mixed).isEqualTo(new Backend(Backend.MIXED, "llm (claude-metered-1), simulated"));
    assertThat(mixed.simulated()).as("some of its files are placeholders").isTrue();
  }

  @Test
  void no_attempt_that_reported_an_executor_names_none() {
    assertThat(Backend.ofAttempts(List.of())).isNull();
    assertThat(Backend.ofAttempts(Arrays.asList(null, null)))
        .as("attempts no worker ran (lost, or failed before dispatch) report nothing")
        .isNull();
    assertThat(Backend.ofAttempts(Arrays.asList(null, LLM))).isEqualTo(LLM);
  }
}
