package dev.orchestrator.output;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.plan.Plan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Everything measured in one run, the input of aggregation, consolidation and reports.
 *
 * @param executors the executor budget M the run used
 * @param results one per task of the plan, in plan order
 * @param planner what made the plan, or null when not recorded
 * @param executor what executed the tasks, or null when not recorded
 */
public record RunRecord(
    Plan plan,
    int executors,
    Path outputDirectory,
    Instant startedAt,
    Instant finishedAt,
    List<TaskResult> results,
    Backend planner,
    Backend executor) {

  public RunRecord {
    requireNonNull(plan, "plan");
    requireNonNull(outputDirectory, "outputDirectory");
    requireNonNull(startedAt, "startedAt");
    requireNonNull(finishedAt, "finishedAt");
    results = List.copyOf(results);
  }

  /** A record that does not say what planned and executed the run. */
  public RunRecord(
      Plan plan,
      int executors,
      Path outputDirectory,
      Instant startedAt,
      Instant finishedAt,
      List<TaskResult> results) {
    this(plan, executors, outputDirectory, startedAt, finishedAt, results, null, null);
  }
}
