package dev.orchestrator.schedule;

import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.plan.TaskStatus;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The scheduling decisions of a dispatch, free of threads and time: which tasks are ready, which
 * one an idle executor takes next, what a completion releases and what a failure skips. Both the
 * threaded {@link Dispatcher} and the virtual-clock {@link Simulator} drive this one class, so a
 * simulation predicts the real order. Not thread-safe: the driver serialises calls.
 *
 * <p>The Temporal engine's workflow drives it too: it is deterministic (no clock, no threads, no
 * hash order), as workflow code must be.
 *
 * <p>Ready tasks are taken lowest rank first. A ready task that conflicts (by declared files) with
 * a running task is parked until the last such task ends, then queued again.
 */
public final class ReadyQueue {

  private enum State {
    WAITING,
    READY,
    RUNNING,
    COMPLETED,
    FAILED,
    SKIPPED
  }

  private final TaskGraph graph;
  private final int[][] conflicts;
  private final DispatchListener listener;
  private final State[] state;
  private final int[] unfinishedDependencies;
  private final int[] runningConflicts;
  private final boolean[] parked;
  private final IntMinHeap ready;
  private int running;
  private int terminal;
  private boolean stopped;

  /**
   * @param rank dispatch rank of each task, lower first; distinct values
   * @param conflicts for each task, the tasks it must not run beside
   * @param completed tasks that completed before this dispatch (a resumed run); they are not run
   *     again and no event is sent for them
   */
  public ReadyQueue(
      TaskGraph graph, int[] rank, int[][] conflicts, BitSet completed, DispatchListener listener) {
    int n = graph.size();
    if (rank.length != n || conflicts.length != n) {
      throw new IllegalArgumentException("rank and conflicts must have one entry per task");
    }
    this.graph = graph;
    this.conflicts = conflicts;
    this.listener = listener;
    this.state = new State[n];
    this.unfinishedDependencies = new int[n];
    this.runningConflicts = new int[n];
    this.parked = new boolean[n];
    this.ready = IntMinHeap.byInt(n, rank);
    Arrays.fill(state, State.WAITING);
    for (int t = 0; t < n; t++) {
      unfinishedDependencies[t] = graph.dependencies(t).length;
    }
    for (int t = completed.nextSetBit(0); t >= 0; t = completed.nextSetBit(t + 1)) {
      state[t] = State.COMPLETED;
      terminal++;
      for (int d : graph.dependents(t)) {
        unfinishedDependencies[d]--;
      }
    }
    for (int t = 0; t < n; t++) {
      if (state[t] == State.WAITING && unfinishedDependencies[t] == 0) {
        makeReady(t);
      }
    }
  }

  /**
   * Takes the best dispatchable task for an executor and marks it running.
   *
   * @return the task, or -1 when none can start now
   */
  public int take(int executor) {
    if (stopped) {
      return -1;
    }
    while (!ready.isEmpty()) {
      int t = ready.pop();
      if (runningConflicts[t] > 0) {
        parked[t] = true;
        continue;
      }
      state[t] = State.RUNNING;
      running++;
      for (int c : conflicts[t]) {
        runningConflicts[c]++;
      }
      listener.started(t, executor);
      return t;
    }
    return -1;
  }

  /**
   * Records the end of a running task: a success releases dependents whose last dependency it was,
   * a failure skips every transitive dependent.
   *
   * @return how many tasks became dispatchable
   */
  public int finish(int task, int executor, boolean succeeded) {
    if (state[task] != State.RUNNING) {
      throw new IllegalStateException(graph.id(task) + " finished but was not running");
    }
    running--;
    terminal++;
    state[task] = succeeded ? State.COMPLETED : State.FAILED;
    listener.finished(task, executor, succeeded);
    int released = 0;
    for (int c : conflicts[task]) {
      if (--runningConflicts[c] == 0 && parked[c]) {
        parked[c] = false;
        ready.push(c);
        released++;
      }
    }
    if (succeeded) {
      for (int d : graph.dependents(task)) {
        if (--unfinishedDependencies[d] == 0 && state[d] == State.WAITING) {
          makeReady(d);
          released++;
        }
      }
    } else {
      skipDependentsOf(task);
    }
    return released;
  }

  /**
   * Records that a running task was cancelled before it ended: it counts as not started, its
   * dependents stay waiting, and nothing more is handed out.
   */
  void abandon(int task) {
    if (state[task] != State.RUNNING) {
      throw new IllegalStateException(graph.id(task) + " abandoned but was not running");
    }
    running--;
    state[task] = State.READY;
    for (int c : conflicts[task]) {
      runningConflicts[c]--;
    }
    stopped = true;
  }

  private void skipDependentsOf(int failed) {
    int[] stack = new int[16];
    int top = 0;
    stack[top++] = failed;
    while (top > 0) {
      int t = stack[--top];
      for (int d : graph.dependents(t)) {
        if (state[d] == State.WAITING) {
          state[d] = State.SKIPPED;
          terminal++;
          listener.skipped(d, failed);
          if (top == stack.length) {
            stack = Arrays.copyOf(stack, top * 2);
          }
          stack[top++] = d;
        }
      }
    }
  }

  /** Stops handing out tasks; running tasks may still finish. */
  public void stop() {
    stopped = true;
  }

  boolean stopped() {
    return stopped;
  }

  /** Whether nothing is running and nothing more will be handed out. */
  public boolean done() {
    return running == 0 && (stopped || terminal == graph.size() || ready.isEmpty());
  }

  public int running() {
    return running;
  }

  /** Whether some ready task could start now (ready and not blocked by a file conflict). */
  boolean hasDispatchable() {
    for (int k = 0; k < ready.size(); k++) {
      if (runningConflicts[ready.at(k)] == 0) {
        return true;
      }
    }
    return false;
  }

  /** The final status of every task; tasks that never became terminal are {@code NOT_STARTED}. */
  public TaskStatus[] statuses() {
    TaskStatus[] statuses = new TaskStatus[state.length];
    for (int t = 0; t < state.length; t++) {
      switch (state[t]) {
        case COMPLETED:
          statuses[t] = TaskStatus.COMPLETED;
          break;
        case FAILED:
          statuses[t] = TaskStatus.FAILED;
          break;
        case SKIPPED:
          statuses[t] = TaskStatus.SKIPPED;
          break;
        default:
          statuses[t] = TaskStatus.NOT_STARTED;
      }
    }
    return statuses;
  }

  private void makeReady(int t) {
    state[t] = State.READY;
    listener.ready(t);
    ready.push(t);
  }
}
