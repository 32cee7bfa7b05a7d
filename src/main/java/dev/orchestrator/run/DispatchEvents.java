package dev.orchestrator.run;

import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.schedule.DispatchListener;
import java.time.Clock;

/**
 * Turns the dispatcher's decisions into run events. Called under the dispatcher's lock, so it only
 * hands events on: the listener it is given must not block (see {@link EventWriter}).
 */
final class DispatchEvents implements DispatchListener {

  private final TaskGraph graph;
  private final TaskEnds ends;
  private final RunListener listener;
  private final Clock clock;

  /**
   * @param ends where each task's run is recorded before the dispatcher hears that it finished
   */
  DispatchEvents(TaskGraph graph, TaskEnds ends, RunListener listener, Clock clock) {
    this.graph = graph;
    this.ends = ends;
    this.listener = listener;
    this.clock = clock;
  }

  @Override
  public void ready(int task) {
    listener.on(new RunEvent.TaskQueued(clock.instant(), graph.id(task), ends.name(task)));
  }

  @Override
  public void started(int task, int executor) {
    listener.on(
        new RunEvent.TaskStarted(clock.instant(), graph.id(task), ends.name(task), executor));
  }

  // Whether it succeeded is the recorded run's outcome: the work returns exactly that.
  @Override
  public void finished(int task, int executor, boolean succeeded) {
    ends.announceEnd(task, executor);
  }

  @Override
  public void skipped(int task, int failedDependency) {
    ends.skip(task, DispatchListener.skipReason(graph.id(failedDependency)));
  }
}
