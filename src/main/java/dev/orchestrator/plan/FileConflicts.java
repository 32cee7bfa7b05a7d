package dev.orchestrator.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Pairs of tasks that must not run at the same time: their declared {@code files} overlap and
 * neither depends on the other. (When one depends on the other the order already keeps them apart.)
 */
public final class FileConflicts {

  private FileConflicts() {}

  /** Each conflicting pair once, as task positions {@code {i, j}} with {@code i < j}. */
  public static List<int[]> pairs(Plan plan, TaskGraph graph) {
    List<int[]> pairs = new ArrayList<>();
    List<Task> tasks = plan.tasks();
    // One search per task that claims files, not one per pair: plans may have thousands of tasks.
    BitSet[] dependents = new BitSet[tasks.size()];
    for (int i = 0; i < tasks.size(); i++) {
      if (!tasks.get(i).files().isEmpty()) {
        dependents[i] = graph.transitiveDependents(i);
      }
    }
    for (int i = 0; i < tasks.size(); i++) {
      if (dependents[i] == null) {
        continue;
      }
      for (int j = i + 1; j < tasks.size(); j++) {
        if (dependents[j] != null
            && !dependents[i].get(j)
            && !dependents[j].get(i)
            && FilePatterns.overlap(tasks.get(i).files(), tasks.get(j).files())) {
          pairs.add(new int[] {i, j});
        }
      }
    }
    return pairs;
  }

  /** For each task, the tasks it conflicts with (an adjacency list over positions). */
  public static int[][] adjacency(Plan plan, TaskGraph graph) {
    return adjacency(graph.size(), pairs(plan, graph));
  }

  /** The adjacency list of the given pairs over {@code size} tasks. */
  public static int[][] adjacency(int size, List<int[]> pairs) {
    int[] degree = new int[size];
    for (int[] pair : pairs) {
      degree[pair[0]]++;
      degree[pair[1]]++;
    }
    int[][] adjacency = new int[size][];
    for (int i = 0; i < size; i++) {
      adjacency[i] = new int[degree[i]];
    }
    int[] fill = new int[size];
    for (int[] pair : pairs) {
      adjacency[pair[0]][fill[pair[0]]++] = pair[1];
      adjacency[pair[1]][fill[pair[1]]++] = pair[0];
    }
    return adjacency;
  }
}
