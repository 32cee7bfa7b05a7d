package dev.orchestrator.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.plan.TaskStatus;
import dev.orchestrator.usage.TokenUsage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryAggregatorTest {

  @TempDir Path out;

  private static Summary aggregate(RunRecord record) {
    return SummaryAggregator.aggregate(record, Consolidator.consolidate(record));
  }

  @Nested
  @DisplayName("measures files on disk")
  class FileFigures {

    @Test
    @DisplayName("counting the non-blank lines, the files and the bytes of each task")
    void lines_of_code() {
      String code = "import os\n\n\ndef add():\n    \t\n    return 1\n";
      String readme = "# API\r\n\r\nNo trailing newline";
      RunRecord record =
          new RunFixture(out)
              .task("task_1")
              .writes("src/api.py", code)
              .writes("README.md", readme)
              .completed()
              .record();

      TaskResult task = aggregate(record).task("task_1").orElseThrow();

      assertThat(task.metrics().filesCreated()).isEqualTo(2);
      assertThat(task.metrics().linesOfCode()).isEqualTo(3 + 2);
      assertThat(task.metrics().bytes()).isEqualTo(code.length() + readme.length());
      assertThat(task.outputFiles()).containsExactly("README.md", "src/api.py");
    }

    @Test
    @DisplayName("leaving out an agent's prompt and logs and what tools cached while it worked")
    void agent_logs_and_caches_are_not_output() {
      RunRecord record =
          new RunFixture(out)
              .task("task_1")
              .writes("src/api.py", "x = 1\n")
              .writes(".agent/stdout.log", "{}\n")
              .writes(".pytest_cache/v/cache/lastfailed", "{}\n")
              .writes("src/__pycache__/api.cpython-312.pyc", "\0")
              .completed()
              .record();

      TaskResult task = aggregate(record).task("task_1").orElseThrow();

      assertThat(task.outputFiles()).containsExactly("src/api.py");
      assertThat(task.metrics().filesCreated()).isEqualTo(1);
    }

    @Test
    @DisplayName("summing the tasks, failed ones included, in the totals")
    void totals_are_sums() {
      RunRecord record =
          new RunFixture(out)
              .task("task_1")
              .writes("a.py", "a = 1\nb = 2\n")
              .completed()
              .task("task_2")
              .ranOn(2, 0, 1)
              .writes("b.py", "c = 3\n")
              .failed("tests failed")
              .record();

      Totals totals = aggregate(record).totals();

      assertThat(totals.totalFilesCreated()).isEqualTo(2);
      assertThat(totals.totalLinesOfCode()).isEqualTo(3);
    }

    @Test
    @DisplayName("counting no lines in a binary file")
    void binary_file() throws IOException {
      Path file =
          Files.write(
              out.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, '\n', 'x'});

      assertThat(SummaryAggregator.nonBlankLines(file)).isZero();
    }
  }

  @Test
  @DisplayName("counts tasks by status and the success rate")
  void counts() {
    RunRecord record =
        new RunFixture(out)
            .task("task_1")
            .completed()
            .task("task_2")
            .failed("boom")
            .task("task_3")
            .dependsOn("task_2")
            .skipped("task_2 failed")
            .task("task_4")
            .notStarted()
            .record();

    Totals totals = aggregate(record).totals();

    assertThat(totals.totalTasks()).isEqualTo(4);
    assertThat(totals.completed()).isEqualTo(1);
    assertThat(totals.failed()).isEqualTo(1);
    assertThat(totals.skipped()).isEqualTo(1);
    assertThat(totals.notStarted()).isEqualTo(1);
    assertThat(totals.successRate()).isEqualTo(0.25);
  }

  @Test
  @DisplayName("measures wall time, makespan and executor utilisation from the timestamps")
  void timing() {
    RunRecord record =
        new RunFixture(out)
            .executors(2)
            .runSeconds(30)
            .task("task_1")
            .ranOn(1, 2, 12)
            .completed()
            .task("task_2")
            .ranOn(2, 7, 22)
            .completed()
            .record();

    Summary summary = aggregate(record);

    assertThat(summary.totals().wallTime()).isEqualTo(Duration.ofSeconds(30));
    assertThat(summary.totals().makespan()).isEqualTo(Duration.ofSeconds(20));
    // busy 10 s + 15 s over 2 executors × 20 s
    assertThat(summary.totals().executorUtilisation()).isEqualTo(0.625);
    TaskResult task = summary.task("task_2").orElseThrow();
    assertThat(task.duration()).isEqualTo(Duration.ofSeconds(15));
    assertThat(task.startedAt()).isEqualTo(RunFixture.START.plusSeconds(7));
    assertThat(task.executorId()).isEqualTo(2);
  }

  @Nested
  @DisplayName("leaves unmeasured figures null")
  class Unmeasured {

    @Test
    @DisplayName("test coverage, which aggregation never measures")
    void coverage() {
      Summary summary = aggregate(new RunFixture(out).task("task_1").completed().record());

      assertThat(summary.totals().testCoverage()).isNull();
      assertThat(summary.task("task_1").orElseThrow().metrics().testCoverage()).isNull();
    }

    @Test
    @DisplayName("tokens and cost when no task used a model")
    void no_usage() {
      Summary summary = aggregate(new RunFixture(out).task("task_1").completed().record());

      assertThat(summary.totals().usage()).isNull();
      assertThat(summary.task("task_1").orElseThrow().usage()).isNull();
    }

    @Test
    @DisplayName("makespan and utilisation when no task ran")
    void nothing_ran() {
      RunRecord record =
          new RunFixture(out)
              .task("task_1")
              .notStarted()
              .task("task_2")
              .dependsOn("task_1")
              .skipped("task_1 did not run")
              .record();

      Summary summary = aggregate(record);

      assertThat(summary.totals().makespan()).isNull();
      assertThat(summary.totals().executorUtilisation()).isNull();
      assertThat(summary.totals().successRate()).isEqualTo(0.0);
      assertThat(summary.task("task_1").orElseThrow().duration()).isNull();
      assertThat(summary.task("task_1").orElseThrow().metrics()).isEqualTo(FileMetrics.NONE);
    }

    @Test
    @DisplayName("the success rate of a plan without tasks")
    void empty_plan() {
      Summary summary = aggregate(new RunFixture(out).record());

      assertThat(summary.totals().successRate()).isNull();
      assertThat(summary.tasks()).isEmpty();
    }
  }

  @Nested
  @DisplayName("adds up tokens and cost")
  class Usage {

    @Test
    @DisplayName("over the tasks that used a model")
    void sums_usage() {
      RunRecord record =
          new RunFixture(out)
              .task("task_1")
              .usage(new TokenUsage(100, 20, 5, 1, new BigDecimal("0.010")))
              .completed()
              .task("task_2")
              .completed()
              .task("task_3")
              .usage(new TokenUsage(50, 10, 0, 0, new BigDecimal("0.005")))
              .completed()
              .record();

      TokenUsage total = aggregate(record).totals().usage();

      assertThat(total).isEqualTo(new TokenUsage(150, 30, 5, 1, new BigDecimal("0.015")));
    }

    @Test
    @DisplayName("with an unknown cost when one task's price is unknown")
    void unknown_cost() {
      RunRecord record =
          new RunFixture(out)
              .task("task_1")
              .usage(new TokenUsage(100, 20, 0, 0, new BigDecimal("0.010")))
              .completed()
              .task("task_2")
              .usage(new TokenUsage(10, 2, 0, 0, null))
              .completed()
              .record();

      TokenUsage total = aggregate(record).totals().usage();

      assertThat(total.inputTokens()).isEqualTo(110);
      assertThat(total.costUsd()).isNull();
    }
  }

  @Test
  @DisplayName("reports the conflicts of consolidation")
  void conflicts() {
    RunRecord record =
        new RunFixture(out)
            .task("task_1")
            .writes("main.py", "1\n")
            .completed()
            .task("task_2")
            .writes("main.py", "2\n")
            .completed()
            .record();

    assertThat(aggregate(record).conflicts())
        .extracting(Conflict::path)
        .containsExactly("src/main.py");
  }

  @Test
  @DisplayName("refuses a record without a result for every task")
  void missing_result() {
    RunFixture fixture = new RunFixture(out).task("task_1").completed().task("task_2").completed();
    RunRecord full = fixture.record();
    RunRecord partial =
        new RunRecord(
            full.plan(),
            2,
            out,
            full.startedAt(),
            full.finishedAt(),
            List.of(full.results().get(0)),
            null,
            null,
            List.of());

    assertThatThrownBy(
            () -> SummaryAggregator.aggregate(partial, Consolidator.consolidate(partial)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing [task_2]");
  }

  @Test
  @DisplayName("keeps status, attempts and error of each task")
  void task_facts() {
    RunRecord record =
        new RunFixture(out).task("task_1").attempts(3).failed("timed out after 600 s").record();

    TaskResult task = aggregate(record).task("task_1").orElseThrow();

    assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(task.attempts()).hasSize(3);
    assertThat(task.error()).isEqualTo("timed out after 600 s");
    assertThat(task.name()).isEqualTo("Name of task_1");
  }
}
