package dev.orchestrator.schedule;

import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.TaskGraph;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The order in which ready tasks are taken. Among the tasks ready at a moment, the one with the
 * longest remaining critical path (by estimated durations) goes first, then the higher plan
 * priority, then the smaller id (numbers in ids compare as numbers: {@code task_2} before {@code
 * task_10}).
 */
public final class DispatchOrder {

  private DispatchOrder() {}

  /** Rank of each task of the plan: position {@code t} holds its place in the order, 0 first. */
  public static int[] criticalPathFirst(Plan plan, TaskGraph graph) {
    int[] priority = plan.tasks().stream().mapToInt(t -> t.priority()).toArray();
    return criticalPathFirst(graph, priority);
  }

  /** As {@link #criticalPathFirst(Plan, TaskGraph)} with priorities given by position. */
  public static int[] criticalPathFirst(TaskGraph graph, int[] priority) {
    long[] remaining = graph.remainingCriticalPath();
    Comparator<Integer> order =
        Comparator.<Integer>comparingLong(t -> -remaining[t])
            .thenComparingInt(t -> priority[t])
            .thenComparing(graph::id, DispatchOrder::compareIds);
    Integer[] tasks = new Integer[graph.size()];
    Arrays.setAll(tasks, t -> t);
    Arrays.sort(tasks, order);
    int[] rank = new int[graph.size()];
    for (int position = 0; position < tasks.length; position++) {
      rank[tasks[position]] = position;
    }
    return rank;
  }

  /** Compares ids with runs of digits by value, so that {@code task_2 < task_10}. */
  static int compareIds(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (Character.isDigit(x) && Character.isDigit(y)) {
        int endA = i;
        while (endA < a.length() && Character.isDigit(a.charAt(endA))) {
          endA++;
        }
        int endB = j;
        while (endB < b.length() && Character.isDigit(b.charAt(endB))) {
          endB++;
        }
        // Compare the digit runs by value without allocating: this runs inside a sort.
        int startA = i;
        while (startA < endA - 1 && a.charAt(startA) == '0') {
          startA++;
        }
        int startB = j;
        while (startB < endB - 1 && b.charAt(startB) == '0') {
          startB++;
        }
        if (endA - startA != endB - startB) {
          return Integer.compare(endA - startA, endB - startB);
        }
        for (int k = 0; k < endA - startA; k++) {
          int byDigit = Character.compare(a.charAt(startA + k), b.charAt(startB + k));
          if (byDigit != 0) {
            return byDigit;
          }
        }
        i = endA;
        j = endB;
      } else {
        if (x != y) {
          return Character.compare(x, y);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
