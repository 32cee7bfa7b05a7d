package dev.orchestrator.output.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Where the nodes of a dependency DAG go in a left-to-right drawing, the layered (Sugiyama) way:
 *
 * <ol>
 *   <li>a task's column is its depth, the number of tasks on the longest chain of dependencies
 *       before it, so every edge points to the right;
 *   <li>an edge that spans several columns passes through a placeholder in each column between, so
 *       it is routed around the nodes there instead of through them;
 *   <li>within each column, nodes are ordered by the barycentre (mean row) of their neighbours in
 *       the column before, then after, sweeping back and forth, and the order with the fewest
 *       crossings between neighbouring columns is kept.
 * </ol>
 *
 * Nodes are the positions {@code 0..n-1} of the input; placeholders have the positions from {@code
 * n} on. Immutable.
 */
final class TaskGraphLayout {

  private static final int SWEEPS = 12;

  private final int nodes;

  /** Column of each node and placeholder. */
  private final int[] column;

  /** Row of each node and placeholder within its column, from 0. */
  private final int[] row;

  private final int[] columnSizes;
  private final List<int[]> routes;
  private final long crossings;

  private TaskGraphLayout(
      int nodes, int[] column, int[] row, int[] columnSizes, List<int[]> routes, long crossings) {
    this.nodes = nodes;
    this.column = column;
    this.row = row;
    this.columnSizes = columnSizes;
    this.routes = routes;
    this.crossings = crossings;
  }

  /**
   * Lays out a DAG.
   *
   * @param dependencies for each node, the nodes it depends on
   * @throws IllegalArgumentException if the graph has a cycle
   */
  static TaskGraphLayout of(int[][] dependencies) {
    int n = dependencies.length;
    int[] depth = depths(dependencies);
    // Layered graph: every edge between neighbouring columns, placeholders added as needed.
    List<Integer> slotColumn = new ArrayList<>();
    for (int d : depth) {
      slotColumn.add(d);
    }
    List<List<Integer>> pred = new ArrayList<>();
    List<List<Integer>> succ = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      pred.add(new ArrayList<>());
      succ.add(new ArrayList<>());
    }
    List<int[]> routes = new ArrayList<>();
    for (int to = 0; to < n; to++) {
      for (int from : dependencies[to]) {
        int[] route = new int[depth[to] - depth[from] + 1];
        route[0] = from;
        for (int k = 1; k < route.length - 1; k++) {
          route[k] = slotColumn.size();
          slotColumn.add(depth[from] + k);
          pred.add(new ArrayList<>());
          succ.add(new ArrayList<>());
        }
        route[route.length - 1] = to;
        for (int k = 1; k < route.length; k++) {
          pred.get(route[k]).add(route[k - 1]);
          succ.get(route[k - 1]).add(route[k]);
        }
        routes.add(route);
      }
    }
    int columns = n == 0 ? 0 : Arrays.stream(depth).max().getAsInt() + 1;
    List<List<Integer>> order = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      order.add(new ArrayList<>());
    }
    // Plan order first: with no crossings to remove, the drawing reads like the plan.
    for (int slot = 0; slot < slotColumn.size(); slot++) {
      order.get(slotColumn.get(slot)).add(slot);
    }
    int[] position = new int[slotColumn.size()];
    index(order, position);
    long best = crossings(order, succ, position);
    List<List<Integer>> bestOrder = copy(order);
    for (int sweep = 0; sweep < SWEEPS && best > 0; sweep++) {
      boolean down = sweep % 2 == 0;
      for (int k = 1; k < columns; k++) {
        int c = down ? k : columns - 1 - k;
        reorder(order.get(c), down ? pred : succ, position);
      }
      long now = crossings(order, succ, position);
      if (now < best) {
        best = now;
        bestOrder = copy(order);
      }
    }
    index(bestOrder, position);
    int[] slotColumns = slotColumn.stream().mapToInt(Integer::intValue).toArray();
    int[] sizes = bestOrder.stream().mapToInt(List::size).toArray();
    return new TaskGraphLayout(n, slotColumns, position, sizes, List.copyOf(routes), best);
  }

  /** Number of columns: the depth of the deepest node plus one. */
  int columns() {
    return columnSizes.length;
  }

  /** Nodes and placeholders in a column. */
  int columnSize(int column) {
    return columnSizes[column];
  }

  /** Rows of the tallest column. */
  int rows() {
    return Arrays.stream(columnSizes).max().orElse(0);
  }

  /** The column of a node or placeholder: for a node, its depth. */
  int column(int slot) {
    return column[slot];
  }

  /** The row of a node or placeholder within its column, from 0. */
  int row(int slot) {
    return row[slot];
  }

  /** Whether the slot is a node of the input, not a placeholder. */
  boolean isNode(int slot) {
    return slot < nodes;
  }

  /**
   * One route per dependency edge, in input order (by dependent, then by its list of dependencies):
   * the dependency, the placeholders between, the dependent.
   */
  List<int[]> routes() {
    return routes;
  }

  /** Crossings between the edges of neighbouring columns in the chosen order. */
  long crossings() {
    return crossings;
  }

  private static int[] depths(int[][] dependencies) {
    int n = dependencies.length;
    int[] depth = new int[n];
    int[] remaining = new int[n];
    List<List<Integer>> dependents = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      dependents.add(new ArrayList<>());
    }
    int[] queue = new int[n];
    int tail = 0;
    for (int i = 0; i < n; i++) {
      remaining[i] = dependencies[i].length;
      for (int d : dependencies[i]) {
        dependents.get(d).add(i);
      }
      if (remaining[i] == 0) {
        queue[tail++] = i;
      }
    }
    for (int head = 0; head < tail; head++) {
      int t = queue[head];
      for (int d : dependents.get(t)) {
        depth[d] = Math.max(depth[d], depth[t] + 1);
        if (--remaining[d] == 0) {
          queue[tail++] = d;
        }
      }
    }
    if (tail != n) {
      throw new IllegalArgumentException("the dependencies have a cycle");
    }
    return depth;
  }

  /** Sorts a column by the mean position of each slot's neighbours; a slot without any stays. */
  private static void reorder(
      List<Integer> column, List<List<Integer>> neighbours, int[] position) {
    double[] key = new double[position.length];
    for (int slot : column) {
      List<Integer> near = neighbours.get(slot);
      key[slot] =
          near.isEmpty()
              ? position[slot]
              : near.stream().mapToInt(s -> position[s]).average().getAsDouble();
    }
    column.sort(Comparator.comparingDouble(slot -> key[slot]));
    for (int k = 0; k < column.size(); k++) {
      position[column.get(k)] = k;
    }
  }

  /**
   * Crossings between neighbouring columns, counted the way of Barth, Jünger and Mutzel: edges
   * sorted by their left end, then right end; each edge crosses the earlier ones whose right end is
   * higher. A Fenwick tree over the right column counts those in O(E log V), where comparing every
   * pair of edges took minutes on a plan of 10,000 tasks.
   */
  static long crossings(List<List<Integer>> order, List<List<Integer>> succ, int[] position) {
    long crossings = 0;
    for (List<Integer> column : order) {
      List<int[]> edges = new ArrayList<>();
      int width = 0;
      for (int slot : column) {
        for (int next : succ.get(slot)) {
          edges.add(new int[] {position[slot], position[next]});
          width = Math.max(width, position[next] + 1);
        }
      }
      edges.sort(Comparator.<int[]>comparingInt(e -> e[0]).thenComparingInt(e -> e[1]));
      int[] tree = new int[width + 1]; // tree[i]: edges so far by right end, Fenwick-indexed
      for (int k = 0; k < edges.size(); k++) {
        int right = edges.get(k)[1];
        int atOrBelow = 0;
        for (int i = right + 1; i > 0; i -= i & -i) {
          atOrBelow += tree[i];
        }
        crossings += k - atOrBelow; // earlier edges that end strictly higher
        for (int i = right + 1; i <= width; i += i & -i) {
          tree[i]++;
        }
      }
    }
    return crossings;
  }

  private static void index(List<List<Integer>> order, int[] position) {
    for (List<Integer> column : order) {
      for (int k = 0; k < column.size(); k++) {
        position[column.get(k)] = k;
      }
    }
  }

  private static List<List<Integer>> copy(List<List<Integer>> order) {
    List<List<Integer>> copy = new ArrayList<>();
    order.forEach(column -> copy.add(new ArrayList<>(column)));
    return copy;
  }
}
