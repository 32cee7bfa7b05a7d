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
 * @param pauses the times between the sessions of a resumed run, oldest first; empty for a run of
 *     one session
 */
public record RunRecord(
    Plan plan,
    int executors,
    Path outputDirectory,
    Instant startedAt,
    Instant finishedAt,
    List<TaskResult> results,
    List<Pause> pauses) {

  /** A run of one session. */
  public RunRecord(
      Plan plan,
      int executors,
      Path outputDirectory,
      Instant startedAt,
      Instant finishedAt,
      List<TaskResult> results) {
    this(plan, executors, outputDirectory, startedAt, finishedAt, results, List.of());
  }

  public RunRecord {
    requireNonNull(plan, "plan");
    requireNonNull(outputDirectory, "outputDirectory");
    requireNonNull(startedAt, "startedAt");
    requireNonNull(finishedAt, "finishedAt");
    results = List.copyOf(results);
    pauses = List.copyOf(pauses);
  }

  /** How many sessions the run had: 1, plus one for each resume. */
  public int sessions() {
    return pauses.size() + 1;
  }
}
