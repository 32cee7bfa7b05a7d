package dev.orchestrator.run;

import dev.orchestrator.output.RunRecord;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.output.Verification;
import dev.orchestrator.plan.TaskStatus;
import java.nio.file.Path;

/**
 * The end of a run: what was measured and where the output is.
 *
 * @param verification what the verify step found; null when the run had none
 */
public record RunOutcome(RunRecord record, Path outputDirectory, Verification verification) {

  /** Whether every task of the plan completed. */
  public boolean allCompleted() {
    return record.results().stream().allMatch(r -> r.status() == TaskStatus.COMPLETED);
  }

  /**
   * Whether the run did what was asked: every task completed and, when the consolidated project's
   * tests ran, none failed.
   */
  public boolean succeeded() {
    return allCompleted()
        && (verification == null || verification.status() != Verification.Status.FAILED);
  }

  /** Number of tasks that ended with the given status. */
  public long count(TaskStatus status) {
    return record.results().stream().map(TaskResult::status).filter(status::equals).count();
  }
}
