package dev.orchestrator.output;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.plan.Plan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Everything measured in one run, the input of aggregation, consolidation and reports. No short
 * form: a constructor that defaulted the pauses once made a run's wall time wrong.
 *
 * @param executors the executor budget M the run used
 * @param results one per task of the plan, in plan order
 * @param planner what made the plan, or null when not recorded
 * @param executor what executed the tasks, or null when not recorded
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
    Backend planner,
    Backend executor,
    List<Pause> pauses) {

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
