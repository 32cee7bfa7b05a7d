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
 */
public record RunRecord(
    Plan plan,
    int executors,
    Path outputDirectory,
    Instant startedAt,
    Instant finishedAt,
    List<TaskResult> results) {

  public RunRecord {
    requireNonNull(plan, "plan");
    requireNonNull(outputDirectory, "outputDirectory");
    requireNonNull(startedAt, "startedAt");
    requireNonNull(finishedAt, "finishedAt");
    results = List.copyOf(results);
  }
}
