package dev.orchestrator.run;

import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.schedule.DispatchListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntFunction;

/**
 * Turns the dispatcher's decisions into run events. Called under the dispatcher's lock, so it only
 * hands events on: the listener it is given must not block (see {@link EventWriter}).
 */
final class DispatchEvents implements DispatchListener {

  private final Plan plan;
  private final TaskGraph graph;
  private final RunListener listener;
  private final Clock clock;
  private final IntFunction<TaskRun> runOf;
  private final String[] skipReasons;

  /**
   * @param runOf how a task's attempts went; set before the dispatcher hears that it finished
   */
  DispatchEvents(
      Plan plan, TaskGraph graph, RunListener listener, Clock clock, IntFunction<TaskRun> runOf) {
    this.plan = plan;
    this.graph = graph;
    this.listener = listener;
    this.clock = clock;
    this.runOf = runOf;
    this.skipReasons = new String[graph.size()];
  }

  /** Why a task was skipped; null if it was not. */
  String skipReason(int task) {
    return skipReasons[task];
  }

  @Override
  public void ready(int task) {
    listener.on(new RunEvent.TaskQueued(clock.instant(), graph.id(task), name(task)));
  }

  @Override
  public void started(int task, int executor) {
    listener.on(new RunEvent.TaskStarted(clock.instant(), graph.id(task), name(task), executor));
  }

  @Override
  public void finished(int task, int executor, boolean succeeded) {
    TaskRun run = runOf.apply(task);
    Instant end = run.lastAttempt().finishedAt();
    Duration duration = Duration.between(run.attempts().get(0).startedAt(), end);
    listener.on(
        succeeded
            ? new RunEvent.TaskCompleted(
                end, graph.id(task), name(task), executor, duration, run.files().size())
            : new RunEvent.TaskFailed(
                end, graph.id(task), name(task), executor, duration, run.error()));
  }

  @Override
  public void skipped(int task, int failedDependency) {
    String reason = DispatchListener.skipReason(graph.id(failedDependency));
    skipReasons[task] = reason;
    listener.on(new RunEvent.TaskSkipped(clock.instant(), graph.id(task), name(task), reason));
  }

  private String name(int task) {
    return plan.tasks().get(task).name();
  }
}
