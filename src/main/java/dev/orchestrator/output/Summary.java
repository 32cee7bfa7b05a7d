package dev.orchestrator.output;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Results and measured metrics of one run: the content of {@code execution_summary.json}.
 *
 * @param tasks one line per task, in plan order, measured
 * @param conflicts paths competing versions were written to, from consolidation
 * @param verification what the verify step found; null when the step was not part of the run
 * @param planner what made the plan, or null when not recorded
 * @param executor what executed the tasks, or null when not recorded
 */
public record Summary(
    String requirements,
    Instant startedAt,
    Instant finishedAt,
    Totals totals,
    List<TaskResult> tasks,
    List<Conflict> conflicts,
    Verification verification,
    Backend planner,
    Backend executor) {

  public Summary {
    requireNonNull(requirements, "requirements");
    requireNonNull(startedAt, "startedAt");
    requireNonNull(finishedAt, "finishedAt");
    requireNonNull(totals, "totals");
    tasks = List.copyOf(tasks);
    tasks.forEach(t -> requireNonNull(t.metrics(), "the metrics of " + t.taskId()));
    conflicts = List.copyOf(conflicts);
  }

  /** Whether the executors only simulated the work. */
  public boolean simulated() {
    return executor != null && executor.simulated();
  }

  /** This summary with the verify step's result; the run's test coverage becomes its coverage. */
  public Summary withVerification(Verification result) {
    return new Summary(
        requirements,
        startedAt,
        finishedAt,
        totals.withTestCoverage(result.testCoverage()),
        tasks,
        conflicts,
        result,
        planner,
        executor);
  }

  /** The line of a task. */
  public Optional<TaskResult> task(String id) {
    return tasks.stream().filter(t -> t.taskId().equals(id)).findFirst();
  }
}
