package dev.orchestrator.schedule;

import dev.orchestrator.plan.TaskGraph;
import java.util.Arrays;

/**
 * Lengths that no schedule of a graph on M executors can beat, by estimated durations in
 * milliseconds. A dispatch that reaches one is optimal.
 */
public final class LowerBound {

  /** Above this many tasks {@link #energetic} skips the energy argument, which costs n^3 steps. */
  static final int ENERGETIC_LIMIT = 150;

  private LowerBound() {}

  /**
   * The larger of the critical path and the total work spread evenly over the executors, {@code
   * max(critical path, ceil(total work / M))}.
   *
   * @param executors M, at least 1
   */
  public static long basic(TaskGraph graph, int executors) {
    checkExecutors(executors);
    return Math.max(graph.criticalPathLength(), ceilDiv(graph.totalWork(), executors));
  }

  /**
   * At least {@link #basic}, often more, by two arguments. Energy: the smallest length {@code T}
   * for which, in every time window, the work that must fall inside the window (given each task's
   * earliest start and the latest end that still allows {@code T}) fits on the executors; this
   * costs about {@code n^3} steps for n tasks, so graphs above 150 tasks skip it. Granularity: any
   * schedule can be shifted earlier, never growing longer, until every task starts at 0 or at the
   * end of another, so the shortest length is a sum of durations and a multiple of their greatest
   * common divisor (a minute, when all estimates are whole minutes); the bound is rounded up to
   * one.
   *
   * @param executors M, at least 1
   */
  public static long energetic(TaskGraph graph, int executors) {
    long grain = grain(graph);
    long basic = roundUp(basic(graph, executors), grain);
    int n = graph.size();
    if (n == 0 || n > ENERGETIC_LIMIT || executors >= n) {
      return basic;
    }
    long[] head = heads(graph);
    long[] tail = graph.remainingCriticalPath();
    long[] duration = new long[n];
    for (int t = 0; t < n; t++) {
      duration[t] = graph.duration(t);
    }
    // Feasibility only loosens as T grows, so search upwards from the basic bound by doubling steps
    // and then bisect; the total work is a safe upper end.
    // Lengths are counted in grains from here on.
    long low = basic / grain;
    long step = 1;
    long high = low;
    while (!fits(head, tail, duration, executors, high * grain)) {
      low = high + 1;
      high += step;
      step *= 2;
    }
    while (low < high) {
      long mid = low + (high - low) / 2;
      if (fits(head, tail, duration, executors, mid * grain)) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return high * grain;
  }

  /** The greatest common divisor of the positive durations, 1 if there are none. */
  static long grain(TaskGraph graph) {
    long grain = 0;
    for (int t = 0; t < graph.size(); t++) {
      long a = graph.duration(t);
      long b = grain;
      while (b != 0) {
        long r = a % b;
        a = b;
        b = r;
      }
      grain = a;
    }
    return grain == 0 ? 1 : grain;
  }

  private static long roundUp(long value, long grain) {
    return (value + grain - 1) / grain * grain;
  }

  // Whether every window [a, b) can hold the work that must fall inside it when all ends by T.
  private static boolean fits(
      long[] head, long[] tail, long[] duration, int executors, long makespan) {
    int n = head.length;
    long[] starts = new long[2 * n];
    long[] ends = new long[2 * n];
    for (int t = 0; t < n; t++) {
      long latestEnd = makespan - tail[t] + duration[t];
      starts[2 * t] = head[t];
      starts[2 * t + 1] = latestEnd - duration[t];
      ends[2 * t] = latestEnd;
      ends[2 * t + 1] = head[t] + duration[t];
    }
    starts = Arrays.stream(starts).distinct().sorted().toArray();
    ends = Arrays.stream(ends).distinct().sorted().toArray();
    for (long a : starts) {
      for (long b : ends) {
        if (b <= a) {
          continue;
        }
        long capacity = executors * (b - a);
        long required = 0;
        for (int t = 0; t < n && required <= capacity; t++) {
          long latestStart = makespan - tail[t];
          long inside =
              Math.min(
                  Math.min(b - a, duration[t]),
                  Math.min(head[t] + duration[t] - a, b - latestStart));
          if (inside > 0) {
            required += inside;
          }
        }
        if (required > capacity) {
          return false;
        }
      }
    }
    return true;
  }

  /** Earliest start of each task: the longest path of its dependencies. */
  private static long[] heads(TaskGraph graph) {
    long[] head = new long[graph.size()];
    for (int t : graph.topologicalOrder()) {
      for (int d : graph.dependencies(t)) {
        head[t] = Math.max(head[t], head[d] + graph.duration(d));
      }
    }
    return head;
  }

  private static long ceilDiv(long work, int executors) {
    return (work + executors - 1) / executors;
  }

  private static void checkExecutors(int executors) {
    if (executors < 1) {
      throw new IllegalArgumentException("executors must be at least 1, was " + executors);
    }
  }
}
