package dev.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunLayoutTest {

  private final Path root = Path.of("/runs/todo");

  @Test
  void the_run_keeps_its_state_log_report_and_raw_outputs_beside_the_project() {
    assertThat(RunLayout.state(root)).isEqualTo(root.resolve(".orchestrator"));
    assertThat(RunLayout.log(root)).isEqualTo(root.resolve("orchestrator.log"));
    assertThat(RunLayout.report(root)).isEqualTo(root.resolve("report.html"));
    assertThat(RunLayout.executor(root, 3)).isEqualTo(root.resolve("executor_3"));
    assertThat(RunLayout.consolidatedFiles(root))
        .isEqualTo(root.resolve(".orchestrator/consolidated-files.tsv"));
    assertThat(RunLayout.attempts(root)).isEqualTo(root.resolve(".orchestrator/attempts"));
    assertThat(RunLayout.verifyRound(root, 2))
        .isEqualTo(root.resolve(".orchestrator/verify/round-2"));
  }

  @Test
  void only_the_names_a_run_gives_its_executors_directories_are_executor_directories() {
    assertThat(RunLayout.isExecutorName("executor_1")).isTrue();
    assertThat(RunLayout.isExecutorName("executor_999999")).isTrue();
    assertThat(RunLayout.isExecutorName("executor_0")).isFalse();
    assertThat(RunLayout.isExecutorName("executor_01")).isFalse();
    assertThat(RunLayout.isExecutorName("executor_notes")).isFalse();
    assertThat(RunLayout.isExecutorName("executor_")).isFalse();
  }

  @Test
  void a_project_entry_that_would_clash_with_the_runs_entries_is_recognised_in_any_case() {
    assertThat(RunLayout.isRunEntry(".orchestrator")).isTrue();
    assertThat(RunLayout.isRunEntry("Report.HTML")).isTrue();
    assertThat(RunLayout.isRunEntry("ORCHESTRATOR.log")).isTrue();
    assertThat(RunLayout.isRunEntry("Executor_0")).isTrue();
    assertThat(RunLayout.isRunEntry("src")).isFalse();
    assertThat(RunLayout.isRunEntry("report.html.bak")).isFalse();
  }
}
