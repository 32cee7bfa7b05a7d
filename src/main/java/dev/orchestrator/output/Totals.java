package dev.orchestrator.output;

import dev.orchestrator.usage.TokenUsage;
import java.time.Duration;

/**
 * The run-wide figures of the execution summary. File figures are the sums of the task lines,
 * failed tasks included. Nullable fields are null when the figure was not measured.
 *
 * @param successRate completed / total, 0..1, rounded to 4 places; null for a plan without tasks
 * @param wallTime start to end of the whole run
 * @param makespan first task start to last task end; null if no task ran
 * @param executorUtilisation the tasks' busy time over executors × makespan, 0..1, rounded to 4
 *     places; null if no task ran or the makespan is zero
 * @param usage the sum over the planner and the tasks that used a model, failed attempts included;
 *     null if none did. Its cost is null when some such cost is unknown.
 * @param testCoverage line coverage of the consolidated project's tests in the last verification
 *     round, 0..1; null when not measured
 */
public record Totals(
    int totalTasks,
    int completed,
    int failed,
    int skipped,
    int notStarted,
    Double successRate,
    int totalFilesCreated,
    long totalLinesOfCode,
    Duration wallTime,
    Duration makespan,
    Double executorUtilisation,
    int executors,
    TokenUsage usage,
    Double testCoverage,
    int sessions) {

  /** These totals with another test coverage. */
  public Totals withTestCoverage(Double coverage) {
    return new Totals(
        totalTasks,
        completed,
        failed,
        skipped,
        notStarted,
        successRate,
        totalFilesCreated,
        totalLinesOfCode,
        wallTime,
        makespan,
        executorUtilisation,
        executors,
        usage,
        coverage,
        sessions);
  }
}
