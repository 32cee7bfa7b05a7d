package dev.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.plan.TaskStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The dispatch rules restated plainly, to check a dispatch against step by step: a task may start
 * when all its dependencies completed, it has not started, and no task it conflicts with runs; an
 * idle executor takes the lowest-ranked such task; a failure skips every task that depends on the
 * failed one. Each step asserts that it is allowed.
 */
final class DispatchModel {

  private enum State {
    WAITING,
    RUNNING,
    COMPLETED,
    FAILED,
    SKIPPED
  }

  private final Workload workload;
  private final int executors;
  private final State[] state;
  private final int[] executorOf;
  private final BitSet[] conflicts;
  private final BitSet busyExecutors = new BitSet();
  private final BitSet runningTasks = new BitSet();

  /** Waiting tasks whose dependencies all completed; kept up to date so that steps are quick. */
  private final BitSet ready = new BitSet();

  private final List<Integer> running = new ArrayList<>();

  DispatchModel(Workload workload, int executors) {
    this.workload = workload;
    this.executors = executors;
    this.state = new State[workload.size()];
    this.executorOf = new int[workload.size()];
    this.conflicts = new BitSet[workload.size()];
    Arrays.fill(state, State.WAITING);
    for (int t = 0; t < state.length; t++) {
      conflicts[t] = new BitSet();
      Arrays.stream(workload.conflicts()[t]).forEach(conflicts[t]::set);
      if (dependenciesCompleted(t)) {
        ready.set(t);
      }
    }
  }

  private boolean dependenciesCompleted(int task) {
    for (int d : workload.graph().dependencies(task)) {
      if (state[d] != State.COMPLETED) {
        return false;
      }
    }
    return true;
  }

  /** Whether the task waits and all its dependencies completed, file conflicts aside. */
  boolean ready(int task) {
    return ready.get(task);
  }

  /** Whether the task could start now. */
  boolean dispatchable(int task) {
    return state[task] == State.WAITING
        && dependenciesCompleted(task)
        && !conflicts[task].intersects(runningTasks);
  }

  /** The task an idle executor should take now, or -1 when none can start. */
  int best() {
    int best = -1;
    for (int t = ready.nextSetBit(0); t >= 0; t = ready.nextSetBit(t + 1)) {
      if (dispatchable(t) && (best < 0 || workload.rank()[t] < workload.rank()[best])) {
        best = t;
      }
    }
    return best;
  }

  boolean anyDispatchable() {
    return best() >= 0;
  }

  void start(int task, int executor) {
    assertThat(dispatchable(task))
        .as("%s started but could not start (%s)", id(task), why(task))
        .isTrue();
    assertThat(executor).as("executor of %s", id(task)).isBetween(1, executors);
    assertThat(busyExecutors.get(executor))
        .as("executor %d took %s while running another task", executor, id(task))
        .isFalse();
    state[task] = State.RUNNING;
    executorOf[task] = executor;
    busyExecutors.set(executor);
    running.add(task);
    runningTasks.set(task);
    ready.clear(task);
  }

  /** Ends a running task; a failure skips its waiting transitive dependents. */
  void finish(int task, boolean succeeded) {
    assertThat(state[task]).as("state of %s when it ended", id(task)).isEqualTo(State.RUNNING);
    state[task] = succeeded ? State.COMPLETED : State.FAILED;
    busyExecutors.clear(executorOf[task]);
    running.remove(Integer.valueOf(task));
    runningTasks.clear(task);
    if (succeeded) {
      for (int d : workload.graph().dependents(task)) {
        if (state[d] == State.WAITING && dependenciesCompleted(d)) {
          ready.set(d);
        }
      }
    } else {
      workload.graph().transitiveDependents(task).stream()
          .filter(d -> state[d] == State.WAITING)
          .forEach(d -> state[d] = State.SKIPPED);
    }
  }

  int executorOf(int task) {
    return executorOf[task];
  }

  boolean skipped(int task) {
    return state[task] == State.SKIPPED;
  }

  boolean failed(int task) {
    return state[task] == State.FAILED;
  }

  /** Running tasks, oldest first. */
  List<Integer> running() {
    return List.copyOf(running);
  }

  /** Tasks that neither ended nor were skipped. */
  List<String> unfinished() {
    List<String> unfinished = new ArrayList<>();
    for (int t = 0; t < state.length; t++) {
      if (state[t] == State.WAITING || state[t] == State.RUNNING) {
        unfinished.add(id(t));
      }
    }
    return unfinished;
  }

  TaskStatus[] statuses() {
    return Arrays.stream(state)
        .map(
            s -> {
              switch (s) {
                case COMPLETED:
                  return TaskStatus.COMPLETED;
                case FAILED:
                  return TaskStatus.FAILED;
                case SKIPPED:
                  return TaskStatus.SKIPPED;
                default:
                  return TaskStatus.NOT_STARTED;
              }
            })
        .toArray(TaskStatus[]::new);
  }

  /** The task's id; "none" for -1, as {@link #best} gives when no task can start. */
  String id(int task) {
    return task < 0 ? "none" : workload.graph().id(task);
  }

  private String why(int task) {
    if (state[task] != State.WAITING) {
      return "it was " + state[task];
    }
    for (int d : workload.graph().dependencies(task)) {
      if (state[d] != State.COMPLETED) {
        return "dependency " + id(d) + " was " + state[d];
      }
    }
    int r = conflicts[task].nextSetBit(0);
    while (r >= 0 && !runningTasks.get(r)) {
      r = conflicts[task].nextSetBit(r + 1);
    }
    return r >= 0 ? "conflicting " + id(r) + " was running" : "no reason";
  }
}
