package dev.orchestrator.bench;

import dev.orchestrator.plan.FileConflicts;
import dev.orchestrator.plan.TaskGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random task graphs for tests and benchmarks. */
public final class RandomGraphs {

  private RandomGraphs() {}

  /**
   * A random DAG in which every task depends on up to {@code maxDependencies} distinct tasks among
   * the {@code window} before it, so plan order is a topological order. Durations are whole minutes
   * from 1 to 10.
   */
  public static TaskGraph dag(int size, int maxDependencies, int window, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[][] dependencies = new int[size][];
    long[] durations = new long[size];
    for (int t = 0; t < size; t++) {
      int span = Math.min(t, window);
      int count = Math.min(span, random.nextInt(maxDependencies + 1));
      int[] picked = new int[count];
      int filled = 0;
      while (filled < count) {
        int candidate = t - 1 - random.nextInt(span);
        boolean seen = false;
        for (int k = 0; k < filled; k++) {
          seen |= picked[k] == candidate;
        }
        if (!seen) {
          picked[filled++] = candidate;
        }
      }
      dependencies[t] = picked;
      durations[t] = 60_000L * (1 + random.nextInt(10));
    }
    return TaskGraph.ofIndices(dependencies, durations);
  }

  /** Random conflicting pairs among tasks that do not depend on each other, as adjacency lists. */
  public static int[][] conflicts(TaskGraph graph, int pairs, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = graph.size();
    List<int[]> chosen = new ArrayList<>();
    for (int tries = 0; chosen.size() < pairs && tries < pairs * 20; tries++) {
      int a = random.nextInt(n);
      int b = random.nextInt(n);
      if (a != b && !graph.dependsTransitively(a, b) && !graph.dependsTransitively(b, a)) {
        chosen.add(new int[] {Math.min(a, b), Math.max(a, b)});
      }
    }
    return FileConflicts.adjacency(n, chosen);
  }

  /** No conflicts. */
  public static int[][] noConflicts(int size) {
    int[][] none = new int[size][];
    Arrays.fill(none, new int[0]);
    return none;
  }
}
