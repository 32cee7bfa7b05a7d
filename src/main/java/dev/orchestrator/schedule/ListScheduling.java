package dev.orchestrator.schedule;

import dev.orchestrator.plan.TaskGraph;
import java.util.Arrays;

/**
 * The makespan a rank gives on the virtual clock, computed without allocation so that a search can
 * try hundreds of thousands of ranks. It takes the same decisions as {@link Simulator} driving the
 * {@link ReadyQueue}: whenever an executor is idle it takes the lowest-ranked ready task that no
 * running task conflicts with, and everything that ends at an instant ends before anything starts.
 *
 * <p>It can also run the graph backwards (dependents first), which the forward-backward improvement
 * of {@link OrderSearch} uses. Not thread-safe: one instance per search.
 */
final class ListScheduling {

  private final int size;
  private final int executors;
  private final long[] duration;
  private final int[][] predecessors;
  private final int[][] successors;
  private final int[][] conflicts;
  private final boolean hasConflicts;

  private final int[] waitingFor;
  private final int[] runningConflicts;
  private final IntMinHeap ready;
  private final int[] parked;
  private final IntMinHeap running;
  private final long[] start;
  private final long[] end;

  private ListScheduling(
      int executors, long[] duration, int[][] predecessors, int[][] successors, int[][] conflicts) {
    this.size = duration.length;
    this.executors = executors;
    this.duration = duration;
    this.predecessors = predecessors;
    this.successors = successors;
    this.conflicts = conflicts;
    this.hasConflicts = Arrays.stream(conflicts).anyMatch(c -> c.length > 0);
    this.waitingFor = new int[size];
    this.runningConflicts = new int[size];
    this.parked = new int[size];
    this.start = new long[size];
    this.end = new long[size];
    this.ready = IntMinHeap.byInt(size, new int[size]);
    this.running = IntMinHeap.byLong(size, end);
  }

  /** Schedules the graph as the dispatcher would. */
  static ListScheduling forward(TaskGraph graph, int[][] conflicts, int executors) {
    int n = graph.size();
    long[] duration = new long[n];
    int[][] predecessors = new int[n][];
    int[][] successors = new int[n][];
    for (int t = 0; t < n; t++) {
      duration[t] = graph.duration(t);
      predecessors[t] = graph.dependencies(t);
      successors[t] = graph.dependents(t);
    }
    return new ListScheduling(executors, duration, predecessors, successors, conflicts);
  }

  /** Schedules the reversed graph: a task runs once all its dependents ran. */
  ListScheduling reversed() {
    return new ListScheduling(executors, duration, successors, predecessors, conflicts);
  }

  /** Start of the task in the last evaluation. */
  long start(int task) {
    return start[task];
  }

  /** End of the task in the last evaluation. */
  long end(int task) {
    return end[task];
  }

  /**
   * The makespan of dispatching by {@code rank}; afterwards {@link #start} and {@link #end} tell
   * each task's place in that schedule.
   *
   * @param rank distinct values, lower first
   */
  long makespan(int[] rank) {
    ready.reset(rank);
    int parkedCount = 0;
    for (int t = 0; t < size; t++) {
      waitingFor[t] = predecessors[t].length;
      runningConflicts[t] = 0;
      if (waitingFor[t] == 0) {
        ready.push(t);
      }
    }
    int idle = executors;
    long now = 0;
    long makespan = 0;
    while (true) {
      while (idle > 0 && !ready.isEmpty()) {
        int t = ready.pop();
        if (hasConflicts && runningConflicts[t] > 0) {
          parked[parkedCount++] = t;
          continue;
        }
        start[t] = now;
        end[t] = now + duration[t];
        makespan = Math.max(makespan, end[t]);
        if (hasConflicts) {
          for (int c : conflicts[t]) {
            runningConflicts[c]++;
          }
        }
        running.push(t);
        idle--;
      }
      if (running.isEmpty()) {
        break;
      }
      now = end[running.peek()];
      while (!running.isEmpty() && end[running.peek()] == now) {
        int t = running.pop();
        idle++;
        if (hasConflicts) {
          for (int c : conflicts[t]) {
            runningConflicts[c]--;
          }
        }
        for (int s : successors[t]) {
          if (--waitingFor[s] == 0) {
            ready.push(s);
          }
        }
      }
      if (parkedCount > 0) {
        int kept = 0;
        for (int k = 0; k < parkedCount; k++) {
          int t = parked[k];
          if (runningConflicts[t] == 0) {
            ready.push(t);
          } else {
            parked[kept++] = t;
          }
        }
        parkedCount = kept;
      }
    }
    return makespan;
  }
}
