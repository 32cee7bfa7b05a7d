package dev.orchestrator.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Pairs of tasks that must not run at the same time: their declared {@code files} overlap and
 * neither depends on the other. (When one depends on the other the order already keeps them apart.)
 */
public final class FileConflicts {

  private FileConflicts() {}

  /**
   * Each conflicting pair once, as task positions {@code {i, j}} with {@code i < j}, ordered by
   * {@code i} then {@code j}.
   *
   * <p>Near-linear when claims name different places: claims are indexed by their literal prefix
   * (the whole segments before the first wildcard, {@code src/api} of {@code src/api/**}), and two
   * claims can only name the same file when one prefix is a prefix of the other, so only those are
   * compared. Whether one task depends on the other is asked only of pairs that overlap.
   */
  public static List<int[]> pairs(Plan plan, TaskGraph graph) {
    List<Task> tasks = plan.tasks();
    PrefixIndex index = new PrefixIndex();
    for (int t = 0; t < tasks.size(); t++) {
      for (String claim : tasks.get(t).files()) {
        index.add(t, claim);
      }
    }
    TreeSet<Long> overlapping = new TreeSet<>();
    index.forEachCandidate(
        (a, b) -> {
          int i = Math.min(a.task(), b.task());
          int j = Math.max(a.task(), b.task());
          long key = (long) i << 32 | j;
          if (i != j && !overlapping.contains(key) && FilePatterns.overlap(a.claim(), b.claim())) {
            overlapping.add(key);
          }
        });
    Map<Integer, BitSet> dependents = new HashMap<>();
    List<int[]> pairs = new ArrayList<>();
    for (long key : overlapping) {
      int i = (int) (key >>> 32);
      int j = (int) key;
      if (!dependents.computeIfAbsent(i, graph::transitiveDependents).get(j)
          && !dependents.computeIfAbsent(j, graph::transitiveDependents).get(i)) {
        pairs.add(new int[] {i, j});
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
