package dev.orchestrator.run;

import dev.orchestrator.output.RunRecord;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.plan.TaskStatus;
import java.nio.file.Path;

/** The end of a run: what was measured and where the output is. */
public record RunOutcome(RunRecord record, Path outputDirectory) {

  /** Whether every task of the plan completed. */
  public boolean allCompleted() {
    return record.results().stream().allMatch(r -> r.status() == TaskStatus.COMPLETED);
  }

  /** Number of tasks that ended with the given status. */
  public long count(TaskStatus status) {
    return record.results().stream().map(TaskResult::status).filter(status::equals).count();
  }
}
