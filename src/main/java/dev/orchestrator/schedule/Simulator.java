package dev.orchestrator.schedule;

import dev.orchestrator.plan.TaskGraph;
import java.util.BitSet;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/**
 * Runs the dispatcher's decisions on a virtual clock: every task takes its estimated duration and
 * an executor that frees up takes the next ready task at once. Uses the same {@link ReadyQueue} as
 * the threaded {@link Dispatcher}, so the predicted order is the order a real run with exact
 * estimates would follow.
 */
public final class Simulator {

  private Simulator() {}

  /**
   * Simulates a dispatch where every task succeeds.
   *
   * @param executors M, at least 1
   */
  public static Schedule simulate(TaskGraph graph, int[] rank, int[][] conflicts, int executors) {
    return simulate(graph, rank, conflicts, executors, t -> true, DispatchListener.NONE);
  }

  /**
   * Simulates a dispatch.
   *
   * @param succeeds whether a task succeeds when it ends (a failure skips its dependents)
   * @param listener hears every decision, in virtual-time order
   */
  public static Schedule simulate(
      TaskGraph graph,
      int[] rank,
      int[][] conflicts,
      int executors,
      IntPredicate succeeds,
      DispatchListener listener) {
    if (executors < 1) {
      throw new IllegalArgumentException("executors must be at least 1, was " + executors);
    }
    int n = graph.size();
    long[] start = new long[n];
    long[] end = new long[n];
    int[] executorOf = new int[n];
    java.util.Arrays.fill(start, -1);
    java.util.Arrays.fill(end, -1);
    java.util.Arrays.fill(executorOf, 0);
    ReadyQueue queue = new ReadyQueue(graph, rank, conflicts, new BitSet(), listener);
    // Idle executors, lowest number first, so the assignment is deterministic.
    PriorityQueue<Integer> idle = new PriorityQueue<>();
    for (int e = 1; e <= executors; e++) {
      idle.add(e);
    }
    // Running tasks by end time, then task position.
    PriorityQueue<long[]> running =
        new PriorityQueue<>(
            (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    long now = 0;
    while (true) {
      while (!idle.isEmpty()) {
        int executor = idle.peek();
        int task = queue.take(executor);
        if (task < 0) {
          break;
        }
        idle.poll();
        start[task] = now;
        end[task] = now + graph.duration(task);
        executorOf[task] = executor;
        running.add(new long[] {end[task], task});
      }
      if (running.isEmpty()) {
        break;
      }
      now = running.peek()[0];
      // Everything that ends at this instant ends before anything new starts.
      while (!running.isEmpty() && running.peek()[0] == now) {
        int task = (int) running.poll()[1];
        queue.finish(task, executorOf[task], succeeds.test(task));
        idle.add(executorOf[task]);
      }
    }
    return new Schedule(start, end, executorOf, queue.statuses(), executors);
  }
}
