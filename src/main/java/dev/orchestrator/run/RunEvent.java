package dev.orchestrator.run;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What happens in a run, in the order it happens: the one channel through which progress reaches
 * the console, the log and reports.
 *
 * <p>Ordering: {@link RunStarted} first and {@link RunFinished} last; a {@link RepairRoundStarted}
 * comes before the events of its fix tasks. Each task gets {@link TaskQueued} before {@link
 * TaskStarted}, any number of {@link TaskProgress} and {@link TaskRetrying} while it runs, and
 * exactly one terminal event: {@link TaskCompleted}, {@link TaskFailed}, or {@link TaskSkipped} (a
 * skipped task is never queued or started). Tasks never started because the run stopped get no
 * terminal event. Executors are numbered from 1. {@link StepStarted} comes whenever a step without
 * tasks begins: planning (before {@link RunStarted}), the tests of a verify round, a repair round.
 * The fix tasks of the verify step's repair rounds get task events too: in a run, before {@link
 * RunFinished}; in {@code orchestrator verify} of an earlier run, with no {@link RunStarted} or
 * {@link RunFinished} around them.
 */
public sealed interface RunEvent
    permits RunEvent.RunStarted,
        RunEvent.RepairRoundStarted,
        RunEvent.TaskQueued,
        RunEvent.TaskStarted,
        RunEvent.TaskProgress,
        RunEvent.TaskRetrying,
        RunEvent.TaskCompleted,
        RunEvent.TaskFailed,
        RunEvent.TaskSkipped,
        RunEvent.StepStarted,
        RunEvent.RunFinished {

  /** When it happened. */
  Instant at();

  /**
   * The run begins: the plan is known and the output directory prepared.
   *
   * @param tasks every task of the plan
   * @param completedBefore tasks a resumed run keeps from the run it resumes, 0 for a new run
   */
  record RunStarted(Instant at, int tasks, int executors, Path outputDirectory, int completedBefore)
      implements RunEvent {}

  /**
   * The verify step found failing tests and hands their fixes to the executors: the fix tasks'
   * events follow, as a run's tasks' do.
   *
   * @param round the repair round, from 1
   * @param fixTasks the fix tasks of the round, by id
   */
  record RepairRoundStarted(Instant at, int round, List<String> fixTasks, int executors)
      implements RunEvent {
    public RepairRoundStarted {
      fixTasks = List.copyOf(fixTasks);
    }
  }

  /** All dependencies completed; the task waits for an executor. */
  record TaskQueued(Instant at, String taskId, String name) implements RunEvent {}

  /** An executor took the task. */
  record TaskStarted(Instant at, String taskId, String name, int executor) implements RunEvent {}

  /**
   * The agent says what it is doing.
   *
   * @param fraction 0..1 of the task done, negative when unknown
   */
  record TaskProgress(Instant at, String taskId, int executor, String message, double fraction)
      implements RunEvent {}

  /** An attempt failed in a way worth retrying; the next attempt starts after {@code backoff}. */
  record TaskRetrying(
      Instant at, String taskId, int executor, int failedAttempt, String error, Duration backoff)
      implements RunEvent {}

  /**
   * The task succeeded.
   *
   * @param refused what the agent was refused (Claude Code's permission denials), for the user to
   *     allow; null when nothing was
   */
  record TaskCompleted(
      Instant at,
      String taskId,
      String name,
      int executor,
      Duration duration,
      int files,
      String refused)
      implements RunEvent {}

  /** The task's attempt failed; its dependents will be skipped. */
  record TaskFailed(
      Instant at, String taskId, String name, int executor, Duration duration, String error)
      implements RunEvent {}

  /** The task will not run because a task it depends on failed. */
  record TaskSkipped(Instant at, String taskId, String name, String reason) implements RunEvent {}

  /**
   * A step in which no task runs begins, so that a long wait says what it waits for.
   *
   * @param description what happens, for people: {@code Planning with claude-code}, {@code Tests,
   *     round 2: running pytest}
   */
  record StepStarted(Instant at, String description) implements RunEvent {}

  /** The run is over; counts of tasks by outcome. */
  record RunFinished(
      Instant at, int completed, int failed, int skipped, int notStarted, Duration wallTime)
      implements RunEvent {}
}
