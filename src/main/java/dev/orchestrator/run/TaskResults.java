package dev.orchestrator.run;

import dev.orchestrator.output.Attempt;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.plan.TaskStatus;
import java.util.List;
import java.util.Map;

/** The per-task results of a run, from this run's attempts or an earlier run's journal. */
final class TaskResults {

  private TaskResults() {}

  /**
   * @param run how the task's attempts went; null when it never started
   * @param skipReason why it was skipped; null when it was not
   */
  static TaskResult of(String taskId, TaskStatus status, TaskRun run, String skipReason) {
    if (run == null) {
      return new TaskResult(
          taskId, status, null, List.of(), null, null, null, List.of(), null, Map.of(), skipReason);
    }
    List<Attempt> history = run.attempts();
    Attempt last = run.lastAttempt();
    return new TaskResult(
        taskId,
        status,
        last.executorId(),
        history,
        history.get(0).startedAt(),
        last.finishedAt(),
        run.outcome() == TaskRun.Outcome.CANCELLED ? null : run.directory(),
        run.files(),
        run.usage(),
        run.output() == null ? Map.of() : run.output().result().details(),
        status == TaskStatus.COMPLETED || run.outcome() == TaskRun.Outcome.CANCELLED
            ? null
            : run.error());
  }

  /** A task that completed in an earlier run. */
  static TaskResult of(CompletedTask task) {
    List<Attempt> history = task.attempts();
    Attempt last = history.get(history.size() - 1);
    return new TaskResult(
        task.taskId(),
        TaskStatus.COMPLETED,
        last.executorId(),
        history,
        history.get(0).startedAt(),
        last.finishedAt(),
        task.rawDirectory(),
        task.fileNames(),
        task.usage(),
        task.details(),
        null);
  }
}
