package dev.orchestrator.cli;

import dev.orchestrator.output.SummaryJson;
import dev.orchestrator.output.Verification;
import dev.orchestrator.output.VerificationRound;
import dev.orchestrator.plan.EstimatedDuration;
import dev.orchestrator.plan.FileConflicts;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.plan.TaskStatus;
import dev.orchestrator.run.RunListener;
import dev.orchestrator.run.RunOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** What the commands print: the plan, progress while running, and the outcome. */
final class Console {

  private final PrintWriter out;
  private final boolean live;
  private final boolean json;

  /**
   * @param live redraw a live display (a terminal) instead of printing plain progress lines
   * @param json print only the summary JSON at the end
   */
  Console(PrintWriter out, boolean live, boolean json) {
    this.out = out;
    this.live = live;
    this.json = json;
  }

  RunListener progress() {
    if (json) {
      return event -> {};
    }
    return live ? new LiveProgress(out) : new PlainProgress(out);
  }

  void plan(Plan plan) {
    if (json) {
      return;
    }
    TaskGraph graph = TaskGraph.of(plan);
    out.printf("Requirement: %s%n", plan.requirements());
    out.printf(
        Locale.ROOT,
        "Complexity: %d/100 (%s)  Tasks: %d  Executors: %d%n",
        plan.complexity().score(),
        plan.complexity().band(),
        plan.tasks().size(),
        plan.executorBudget());
    out.printf(
        "Estimated: critical path %s, total work %s%n",
        EstimatedDuration.format(Duration.ofMillis(graph.criticalPathLength())),
        EstimatedDuration.format(Duration.ofMillis(graph.totalWork())));
    PlannedSpeedup.print(out, plan);
    out.println();
    for (Task task : plan.tasks()) {
      List<String> deps = plan.dependenciesOf(task.id());
      out.printf(
          "  %-8s P%d %-6s %-7s %s%s%n",
          task.id(),
          task.priority(),
          task.estimatedEffort().label(),
          EstimatedDuration.format(task.estimatedDuration()),
          task.name(),
          deps.isEmpty() ? "" : "  <- " + String.join(", ", deps));
    }
    List<int[]> conflicts = FileConflicts.pairs(plan, graph);
    if (!conflicts.isEmpty()) {
      out.println();
      out.println("Never run at the same time (their files overlap):");
      for (int[] pair : conflicts) {
        out.printf("  %s and %s%n", graph.id(pair[0]), graph.id(pair[1]));
      }
    }
    if (!plan.executionStrategy().isBlank()) {
      out.println();
      out.println("Strategy: " + plan.executionStrategy());
    }
    out.println();
    out.flush();
  }

  /** Prints what the verify step found, one line per round and the verdict. */
  void verification(Verification verification) {
    if (json || verification == null) {
      return;
    }
    for (VerificationRound round : verification.rounds()) {
      out.printf(
          Locale.ROOT,
          "Tests, round %d: %d passed, %d failed, %d skipped, %d errors in %.1fs%n",
          round.round(),
          round.passed(),
          round.failed(),
          round.skipped(),
          round.errors(),
          round.duration().toMillis() / 1000.0);
    }
    out.printf(
        Locale.ROOT,
        "Verification: %s (%s); coverage %s%n",
        verification.status().label(),
        verification.reason(),
        verification.testCoverage() == null
            ? "not measured"
            : String.format(Locale.ROOT, "%.1f%%", verification.testCoverage() * 100));
    out.flush();
  }

  /** Prints the outcome and returns the exit code. */
  int finished(RunOutcome outcome, Interruption interruption) {
    if (json) {
      try {
        out.print(Files.readString(outcome.outputDirectory().resolve(SummaryJson.FILE_NAME)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      long total = outcome.record().results().size();
      Duration wall = Duration.between(outcome.record().startedAt(), outcome.record().finishedAt());
      out.println();
      out.printf(
          Locale.ROOT,
          "%d/%d tasks completed, %d failed, %d skipped%s in %.1fs%n",
          outcome.count(TaskStatus.COMPLETED),
          total,
          outcome.count(TaskStatus.FAILED),
          outcome.count(TaskStatus.SKIPPED),
          outcome.count(TaskStatus.NOT_STARTED) > 0
              ? ", " + outcome.count(TaskStatus.NOT_STARTED) + " not started"
              : "",
          wall.toMillis() / 1000.0);
      Path summaryFile = outcome.outputDirectory().resolve(SummaryJson.FILE_NAME);
      if (Files.exists(summaryFile)) {
        verification(SummaryJson.read(summaryFile).verification());
      }
      out.println("Output: " + outcome.outputDirectory());
      out.println(
          "  README.md, report.html, src/, tests/, docs/, execution_summary.json, orchestrator.log");
    }
    out.flush();
    if (interruption.interrupted()) {
      out.println("Interrupted. Finish it with: orchestrator resume " + outcome.outputDirectory());
      out.flush();
      return Cli.INTERRUPTED;
    }
    return outcome.allCompleted() ? Cli.OK : Cli.TASKS_FAILED;
  }
}
