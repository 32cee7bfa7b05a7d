package dev.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.plan.TaskStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskStatusTest {

  @ParameterizedTest(name = "{0} is written \"{1}\"")
  @CsvSource({
    "COMPLETED, completed",
    "FAILED, failed",
    "SKIPPED, skipped",
    "NOT_STARTED, not_started"
  })
  void summary_labels(TaskStatus status, String label) {
    assertThat(status.label()).isEqualTo(label);
  }
}
