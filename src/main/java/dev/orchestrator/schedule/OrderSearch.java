package dev.orchestrator.schedule;

import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.TaskGraph;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * Searches, before a dispatch, for a rank under which the whole plan finishes sooner than under the
 * critical-path order, by estimated durations.
 *
 * <p>The result is an ordinary rank for the {@link ReadyQueue}, so the dispatch still adapts: when
 * real durations differ from the estimates, an idle executor still takes a ready task at once, the
 * best ranked one. Only schedules such a queue can produce are considered (no executor waits beside
 * a task that could start), with the plan's file conflicts.
 *
 * <p>Three steps, each stopping as soon as the {@linkplain LowerBound#energetic lower bound} is
 * met:
 *
 * <ol>
 *   <li>forward-backward improvement of the starting rank: schedule, then schedule the reversed
 *       graph taking tasks by their end in that schedule, then forward again by the reversed ends,
 *       while that shortens the schedule;
 *   <li>iterated perturbation: the best rank with random noise on each task's place, improved
 *       forward-backward, kept when no longer;
 *   <li>depth-first branch and bound over the choices of ready tasks at each instant, tried in the
 *       order of the best rank; when it covers every branch, no rank is better.
 * </ol>
 *
 * <p>The search counts its work (task visits) and stops after an amount proportional to the budget,
 * so a given plan, executor count and budget always give the same rank: random choices come from a
 * fixed seed. The budget is also a deadline in CPU time of the calling thread (wall time where the
 * JVM cannot measure that): it ends the search first only on a core less than about half as fast as
 * the work count assumes (see {@link #WORK_PER_MILLISECOND}), and then the rank depends on timing.
 * Measuring CPU time keeps a busy machine from cutting the search short; there it takes longer by
 * the wall clock. Runs on the calling thread.
 */
public final class OrderSearch {

  /** The budget of a real run and of {@code simulate}: ample for plans of a few hundred tasks. */
  public static final Duration DEFAULT_BUDGET = Duration.ofMillis(200);

  /**
   * Task visits per millisecond of budget. One core of the 2-core build machine, busy with other
   * builds, manages 20 to 50 thousand per millisecond of CPU time, so the count, not the deadline,
   * normally ends a search.
   */
  static final long WORK_PER_MILLISECOND = 10_000;

  /**
   * Above this many tasks the exact step is skipped: its recursion is about two frames per task,
   * which must fit a small thread stack (256 KiB), and it rarely completes on larger plans anyway.
   */
  static final int TREE_LIMIT = 200;

  private static final long SEED = 0x5EED_0F_0D3L;
  private static final double PERTURBATION_SHARE = 0.4;

  private final TaskGraph graph;
  private final int[][] conflicts;
  private final int executors;
  private final ListScheduling forward;
  private final ListScheduling backward;
  private final int n;
  private final SplittableRandom random = new SplittableRandom(SEED);
  private final LongSupplier clock;
  private final long deadline;
  private final long workBudget;
  private long work;
  private int[] bestRank;
  private long best;

  private OrderSearch(
      TaskGraph graph,
      int[][] conflicts,
      int executors,
      long workBudget,
      LongSupplier clock,
      long deadline) {
    if (executors < 1) {
      throw new IllegalArgumentException("executors must be at least 1, was " + executors);
    }
    this.graph = graph;
    this.conflicts = conflicts;
    this.executors = executors;
    this.forward = ListScheduling.forward(graph, conflicts, executors);
    this.backward = forward.reversed();
    this.n = graph.size();
    this.clock = clock;
    this.deadline = deadline;
    this.workBudget = workBudget;
  }

  /**
   * The outcome of a search, times in milliseconds.
   *
   * @param rank the rank found: position {@code t} holds task {@code t}'s place, 0 first
   * @param makespan the simulated makespan under {@code rank}
   * @param startMakespan the simulated makespan under the starting rank
   * @param lowerBound no schedule is shorter
   * @param bestPossible no rank gives a shorter makespan (the lower bound is met, or the search
   *     covered every choice)
   */
  public record Result(
      int[] rank, long makespan, long startMakespan, long lowerBound, boolean bestPossible) {

    public Result {
      rank = rank.clone();
    }

    /** A copy of the rank. */
    @Override
    public int[] rank() {
      return rank.clone();
    }
  }

  /**
   * Searches for the rank to dispatch a plan with: its {@linkplain DispatchOrder#criticalPathFirst
   * critical-path order}, improved.
   *
   * @param conflicts per task, the tasks it must not run beside ({@code FileConflicts.adjacency})
   * @param executors M, at least 1
   * @param budget how long the search may take on one core, e.g. {@link #DEFAULT_BUDGET}
   */
  public static Result search(
      Plan plan, TaskGraph graph, int[][] conflicts, int executors, Duration budget) {
    return search(
        graph, DispatchOrder.criticalPathFirst(plan, graph), conflicts, executors, budget);
  }

  /**
   * Searches for a rank better than {@code start}; never returns a worse one.
   *
   * @param start the rank to improve, e.g. {@link DispatchOrder#criticalPathFirst}; ties between
   *     equally good ranks favour it
   * @param conflicts per task, the tasks it must not run beside ({@code FileConflicts.adjacency})
   * @param executors M, at least 1
   * @param budget CPU time the search may take on the calling thread
   */
  public static Result search(
      TaskGraph graph, int[] start, int[][] conflicts, int executors, Duration budget) {
    LongSupplier clock = cpuClock();
    long deadline = clock.getAsLong() + budget.toNanos();
    return search(
        graph,
        start,
        conflicts,
        executors,
        budget.toMillis() * WORK_PER_MILLISECOND,
        clock,
        deadline);
  }

  /**
   * As {@link #search(TaskGraph, int[], int[][], int, Duration)} with the work counted in task
   * visits and a deadline on the given nanosecond clock.
   */
  static Result search(
      TaskGraph graph,
      int[] start,
      int[][] conflicts,
      int executors,
      long workBudget,
      LongSupplier clock,
      long deadline) {
    if (start.length != graph.size() || conflicts.length != graph.size()) {
      throw new IllegalArgumentException("start and conflicts must have one entry per task");
    }
    return new OrderSearch(graph, conflicts, executors, workBudget, clock, deadline)
        .run(start.clone());
  }

  /** CPU time of the calling thread in nanoseconds, or wall time where the JVM cannot tell. */
  private static LongSupplier cpuClock() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled()
        ? threads::getCurrentThreadCpuTime
        : System::nanoTime;
  }

  private Result run(int[] start) {
    long lowerBound = LowerBound.energetic(graph, executors);
    bestRank = start;
    best = evaluate(start);
    long startMakespan = best;
    boolean exhausted = false;
    if (best > lowerBound) {
      forwardBackward(start, best);
    }
    if (best > lowerBound) {
      perturb(lowerBound, (long) (workBudget * PERTURBATION_SHARE));
    }
    if (best > lowerBound && n <= TREE_LIMIT && !outOfBudget()) {
      exhausted = exhaust(lowerBound);
    }
    return new Result(bestRank, best, startMakespan, lowerBound, best == lowerBound || exhausted);
  }

  // Step 1, and the improvement inside step 2, of a rank whose schedule `forward` holds.
  private void forwardBackward(int[] rank, long makespan) {
    int[] current = rank;
    long currentMakespan = makespan;
    while (!outOfBudget()) {
      int[] reversed = byLatestEnd(forward, current);
      backward.makespan(reversed);
      work += 3L * n;
      int[] next = byLatestEnd(backward, current);
      long nextMakespan = evaluate(next);
      if (nextMakespan < best) {
        best = nextMakespan;
        bestRank = next;
      }
      if (nextMakespan >= currentMakespan) {
        break;
      }
      current = next;
      currentMakespan = nextMakespan;
    }
  }

  // Step 2: random restarts near the best rank.
  private void perturb(long lowerBound, long until) {
    long[] key = new long[n];
    int stale = 0;
    while (best > lowerBound && work < until && !outOfBudget()) {
      // Noise grows while nothing improves: from swapping neighbours to reshuffling widely.
      double spread = 0.5 + random.nextDouble() * Math.min(n, 2 + stale / 4.0);
      for (int t = 0; t < n; t++) {
        key[t] = Math.round((bestRank[t] + spread * random.nextGaussian()) * 1024);
      }
      int[] candidate = rankBy(key, bestRank);
      work += n;
      long before = best;
      long makespan = evaluate(candidate);
      if (makespan < best) {
        best = makespan;
        bestRank = candidate;
      }
      forwardBackward(candidate, makespan);
      stale = best < before ? 0 : stale + 1;
    }
  }

  // Step 3. Returns whether every branch was covered.
  private boolean exhaust(long lowerBound) {
    int[] preference = new int[n];
    for (int t = 0; t < n; t++) {
      preference[bestRank[t]] = t;
    }
    NonDelaySearch tree = new NonDelaySearch(graph, conflicts, executors, preference);
    long nodeBudget = Math.max(0, (workBudget - work) / Math.max(1, n));
    int[] sequence = tree.search(best, lowerBound, nodeBudget, clock, deadline);
    work += tree.nodes() * n;
    if (sequence != null) {
      int[] rank = new int[n];
      for (int place = 0; place < n; place++) {
        rank[sequence[place]] = place;
      }
      long makespan = evaluate(rank);
      if (makespan != tree.upper()) {
        throw new IllegalStateException(
            "the tree search found a schedule of "
                + tree.upper()
                + " ms that the ready queue dispatches in "
                + makespan
                + " ms");
      }
      best = makespan;
      bestRank = rank;
    }
    return tree.exhausted();
  }

  private long evaluate(int[] rank) {
    work += n;
    return forward.makespan(rank);
  }

  private boolean outOfBudget() {
    return work >= workBudget || clock.getAsLong() >= deadline;
  }

  // Tasks by decreasing end in the last schedule of `scheduling`, ties in the order of `tieRank`.
  private int[] byLatestEnd(ListScheduling scheduling, int[] tieRank) {
    long[] key = new long[n];
    for (int t = 0; t < n; t++) {
      key[t] = -scheduling.end(t);
    }
    return rankBy(key, tieRank);
  }

  /** The rank that orders tasks by increasing key, ties by {@code tieRank}. */
  static int[] rankBy(long[] key, int[] tieRank) {
    int n = key.length;
    int[] order = new int[n];
    for (int t = 0; t < n; t++) {
      order[tieRank[t]] = t;
    }
    // A stable merge sort of the tasks by key keeps the tie order.
    int[] buffer = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int low = 0; low < n - width; low += 2 * width) {
        int middle = low + width;
        int high = Math.min(low + 2 * width, n);
        int i = low;
        int j = middle;
        int out = low;
        while (i < middle && j < high) {
          buffer[out++] = key[order[j]] < key[order[i]] ? order[j++] : order[i++];
        }
        while (i < middle) {
          buffer[out++] = order[i++];
        }
        while (j < high) {
          buffer[out++] = order[j++];
        }
        System.arraycopy(buffer, low, order, low, high - low);
      }
    }
    int[] rank = new int[n];
    for (int place = 0; place < n; place++) {
      rank[order[place]] = place;
    }
    return rank;
  }
}
