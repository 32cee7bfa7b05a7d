package dev.orchestrator.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dependency structure of a plan, indexed by position for speed: task {@code i} is {@code
 * plan.tasks().get(i)}. Immutable and safe to share between threads.
 *
 * <p>Built from any plan whose ids are unique and whose dependencies name known tasks; it may still
 * contain a cycle, which {@link #findCycle()} reports. Every other query requires a DAG.
 */
public final class TaskGraph {

  private final String[] ids;
  private final Map<String, Integer> index;
  private final int[][] dependencies;
  private final int[][] dependents;
  private final long[] durations;

  private TaskGraph(String[] ids, int[][] dependencies, long[] durations) {
    this.ids = ids;
    this.dependencies = dependencies;
    this.durations = durations;
    this.index = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      if (index.put(ids[i], i) != null) {
        throw new IllegalArgumentException("duplicate task id " + ids[i]);
      }
    }
    int[] outDegree = new int[ids.length];
    for (int[] deps : dependencies) {
      for (int d : deps) {
        outDegree[d]++;
      }
    }
    dependents = new int[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      dependents[i] = new int[outDegree[i]];
    }
    int[] fill = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      for (int d : dependencies[i]) {
        dependents[d][fill[d]++] = i;
      }
    }
  }

  /**
   * The graph of a plan.
   *
   * @throws IllegalArgumentException if ids repeat or a dependency names an unknown task
   */
  public static TaskGraph of(Plan plan) {
    List<Task> tasks = plan.tasks();
    String[] ids = new String[tasks.size()];
    long[] durations = new long[tasks.size()];
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      ids[i] = tasks.get(i).id();
      durations[i] = tasks.get(i).estimatedDuration().toMillis();
      positions.put(ids[i], i);
    }
    int[][] deps = new int[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      deps[i] =
          plan.dependenciesOf(ids[i]).stream()
              .distinct()
              .mapToInt(
                  d -> {
                    Integer at = positions.get(d);
                    if (at == null) {
                      throw new IllegalArgumentException("unknown dependency " + d);
                    }
                    return at;
                  })
              .toArray();
    }
    return new TaskGraph(ids, deps, durations);
  }

  /** A graph given directly by indices, for generated workloads and benchmarks. */
  public static TaskGraph ofIndices(int[][] dependencies, long[] durations) {
    String[] ids = new String[dependencies.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = "task_" + (i + 1);
    }
    return new TaskGraph(ids, dependencies, durations.clone());
  }

  public int size() {
    return ids.length;
  }

  public String id(int task) {
    return ids[task];
  }

  /** Position of the task with this id. */
  public int indexOf(String id) {
    Integer at = index.get(id);
    if (at == null) {
      throw new IllegalArgumentException("no task " + id);
    }
    return at;
  }

  /** Tasks this task waits for. The array is shared: do not modify it. */
  public int[] dependencies(int task) {
    return dependencies[task];
  }

  /** Tasks that wait for this task. The array is shared: do not modify it. */
  public int[] dependents(int task) {
    return dependents[task];
  }

  /** Estimated duration of the task in milliseconds. */
  public long duration(int task) {
    return durations[task];
  }

  /** A dependency cycle as ids, first id repeated at the end ({@code a -> b -> a}), if any. */
  public Optional<List<String>> findCycle() {
    // Iterative depth-first search; colour 1 = on the current path, 2 = finished.
    byte[] colour = new byte[size()];
    int[] cursor = new int[size()];
    int[] parent = new int[size()];
    for (int root = 0; root < size(); root++) {
      if (colour[root] != 0) {
        continue;
      }
      Deque<Integer> stack = new ArrayDeque<>();
      stack.push(root);
      colour[root] = 1;
      parent[root] = -1;
      while (!stack.isEmpty()) {
        int node = stack.peek();
        if (cursor[node] < dependencies[node].length) {
          int next = dependencies[node][cursor[node]++];
          if (colour[next] == 0) {
            colour[next] = 1;
            parent[next] = node;
            stack.push(next);
          } else if (colour[next] == 1) {
            return Optional.of(cycleThrough(node, next, parent));
          }
        } else {
          colour[node] = 2;
          stack.pop();
        }
      }
    }
    return Optional.empty();
  }

  // node depends on start, which is on the search path above node: the path start .. node read
  // downwards is the cycle in dependency order (each task depends on the next).
  private List<String> cycleThrough(int node, int start, int[] parent) {
    List<String> cycle = new ArrayList<>();
    cycle.add(ids[start]);
    for (int at = node; at != start; at = parent[at]) {
      cycle.add(ids[at]);
    }
    Collections.reverse(cycle);
    cycle.add(0, ids[start]);
    return cycle;
  }

  /**
   * Tasks in an order where every task follows its dependencies; ties keep plan order.
   *
   * @throws IllegalStateException if the graph has a cycle
   */
  public int[] topologicalOrder() {
    int[] remaining = new int[size()];
    int[] order = new int[size()];
    int head = 0;
    int tail = 0;
    for (int i = 0; i < size(); i++) {
      remaining[i] = dependencies[i].length;
      if (remaining[i] == 0) {
        order[tail++] = i;
      }
    }
    while (head < tail) {
      int t = order[head++];
      for (int d : dependents[t]) {
        if (--remaining[d] == 0) {
          order[tail++] = d;
        }
      }
    }
    if (tail != size()) {
      throw new IllegalStateException("the task graph has a cycle");
    }
    return order;
  }

  /**
   * For each task, the longest estimated path in milliseconds from its start to the end of the
   * plan, its own duration included (its "bottom level").
   */
  public long[] remainingCriticalPath() {
    int[] order = topologicalOrder();
    long[] level = new long[size()];
    for (int k = order.length - 1; k >= 0; k--) {
      int t = order[k];
      long longest = 0;
      for (int d : dependents[t]) {
        longest = Math.max(longest, level[d]);
      }
      level[t] = durations[t] + longest;
    }
    return level;
  }

  /** The longest estimated chain of dependent tasks, first task first. */
  public List<String> criticalPath() {
    if (size() == 0) {
      return List.of();
    }
    long[] level = remainingCriticalPath();
    int at = -1;
    for (int i = 0; i < size(); i++) {
      if (dependencies[i].length == 0 && (at < 0 || level[i] > level[at])) {
        at = i;
      }
    }
    List<String> path = new ArrayList<>();
    while (at >= 0) {
      path.add(ids[at]);
      int next = -1;
      for (int d : dependents[at]) {
        if (level[d] == level[at] - durations[at] && (next < 0 || level[d] > level[next])) {
          next = d;
        }
      }
      at = next;
    }
    return path;
  }

  /** Estimated length of the critical path in milliseconds. */
  public long criticalPathLength() {
    return Arrays.stream(remainingCriticalPath()).max().orElse(0);
  }

  /** Sum of all estimated durations in milliseconds. */
  public long totalWork() {
    return Arrays.stream(durations).sum();
  }

  /** Every task that depends, directly or through others, on the given task. */
  public BitSet transitiveDependents(int task) {
    return reachable(task, dependents);
  }

  /** Every task the given task depends on, directly or through others. */
  public BitSet transitiveDependencies(int task) {
    return reachable(task, dependencies);
  }

  /**
   * Every task the given task depends on, directly or through others, in topological order: a
   * dependency comes before the tasks that depend on it, so the nearest dependencies come last.
   */
  public int[] transitiveDependenciesInOrder(int task) {
    int[] position = topologicalPositions();
    int[] order = cachedTopologicalOrder();
    // Sorted as primitive positions, then mapped back to tasks: no boxing per dependency.
    int[] positions = transitiveDependencies(task).stream().map(d -> position[d]).toArray();
    Arrays.sort(positions);
    for (int i = 0; i < positions.length; i++) {
      positions[i] = order[positions[i]];
    }
    return positions;
  }

  // Each task's index in topologicalOrder(), made on first use; volatile publishes the full array.
  private volatile int[] topologicalPositions;

  // topologicalOrder(), made on first use and never handed out; volatile publishes the full array.
  private volatile int[] cachedTopologicalOrder;

  private int[] cachedTopologicalOrder() {
    int[] order = cachedTopologicalOrder;
    if (order == null) {
      order = topologicalOrder();
      cachedTopologicalOrder = order;
    }
    return order;
  }

  private int[] topologicalPositions() {
    int[] positions = topologicalPositions;
    if (positions == null) {
      positions = new int[size()];
      int[] order = cachedTopologicalOrder();
      for (int p = 0; p < order.length; p++) {
        positions[order[p]] = p;
      }
      topologicalPositions = positions;
    }
    return positions;
  }

  private BitSet reachable(int task, int[][] edges) {
    BitSet seen = new BitSet(size());
    Deque<Integer> todo = new ArrayDeque<>();
    todo.push(task);
    while (!todo.isEmpty()) {
      for (int d : edges[todo.pop()]) {
        if (!seen.get(d)) {
          seen.set(d);
          todo.push(d);
        }
      }
    }
    return seen;
  }

  /** Whether {@code later} depends on {@code earlier}, directly or through other tasks. */
  public boolean dependsTransitively(int later, int earlier) {
    return later != earlier && transitiveDependents(earlier).get(later);
  }

  /** Number of dependency edges. */
  public long edgeCount() {
    long edges = 0;
    for (int[] deps : dependencies) {
      edges += deps.length;
    }
    return edges;
  }
}
