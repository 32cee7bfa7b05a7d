package dev.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.bench.RandomGraphs;
import dev.orchestrator.plan.TaskGraph;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderSearchTest {

  private static final long MINUTE = 60_000;
  private static final long NO_DEADLINE = Long.MAX_VALUE;

  private static OrderSearch.Result search(
      TaskGraph graph, int[] start, int[][] conflicts, int executors, long work) {
    return OrderSearch.search(
        graph, start, conflicts, executors, work, System::nanoTime, NO_DEADLINE);
  }

  /**
   * Seven tasks on two executors where critical-path order takes 15 minutes and the total work, 25
   * minutes, fits in 13: task 1 -> 2 -> 4 is the critical path, 0, 3 and 5 come before 6.
   */
  private static TaskGraph sevenTasks() {
    int[][] dependencies = {{}, {}, {1}, {}, {2}, {}, {0, 3, 5}};
    long[] minutes = {4, 3, 1, 5, 6, 5, 1};
    return TaskGraph.ofIndices(dependencies, Arrays.stream(minutes).map(m -> m * MINUTE).toArray());
  }

  private static int[] criticalPath(TaskGraph graph) {
    int[] priority = new int[graph.size()];
    Arrays.fill(priority, 3);
    return DispatchOrder.criticalPathFirst(graph, priority);
  }

  private static long simulated(TaskGraph graph, int[] rank, int[][] conflicts, int executors) {
    return Simulator.simulate(graph, rank, conflicts, executors).makespan();
  }

  @Test
  void reaches_the_lower_bound_where_critical_path_order_does_not() {
    TaskGraph graph = sevenTasks();
    int[][] none = RandomGraphs.noConflicts(7);
    assertThat(simulated(graph, criticalPath(graph), none, 2)).isEqualTo(15 * MINUTE);

    OrderSearch.Result result =
        OrderSearch.search(graph, criticalPath(graph), none, 2, Duration.ofMillis(200));

    assertThat(result.makespan()).isEqualTo(13 * MINUTE).isEqualTo(result.lowerBound());
    assertThat(result.startMakespan()).isEqualTo(15 * MINUTE);
    assertThat(result.bestPossible()).isTrue();
    assertThat(simulated(graph, result.rank(), none, 2)).isEqualTo(13 * MINUTE);
  }

  @ParameterizedTest(name = "{0} tasks")
  @ValueSource(ints = {12, 50, 200})
  void is_never_worse_than_critical_path_order_and_the_simulator_agrees(int size) {
    for (long seed = 1; seed <= 12; seed++) {
      TaskGraph graph = RandomGraphs.dag(size, 3, 10, seed);
      int[][] conflicts =
          seed % 2 == 0
              ? RandomGraphs.conflicts(graph, size / 4, seed)
              : RandomGraphs.noConflicts(size);
      int executors = 2 + (int) (seed % 4) * 2;
      int[] start = criticalPath(graph);

      OrderSearch.Result result = search(graph, start, conflicts, executors, 200_000);

      long before = simulated(graph, start, conflicts, executors);
      assertThat(result.startMakespan()).isEqualTo(before);
      assertThat(result.makespan())
          .isLessThanOrEqualTo(before)
          .isGreaterThanOrEqualTo(result.lowerBound())
          .isEqualTo(simulated(graph, result.rank(), conflicts, executors));
    }
  }

  @Test
  void gives_the_same_rank_for_the_same_plan() {
    TaskGraph graph = RandomGraphs.dag(60, 3, 12, 5);
    int[][] conflicts = RandomGraphs.conflicts(graph, 10, 5);

    int[] first = search(graph, criticalPath(graph), conflicts, 3, 2_000_000).rank();
    int[] second = search(graph, criticalPath(graph), conflicts, 3, 2_000_000).rank();

    assertThat(second).isEqualTo(first);
  }

  @Test
  void when_it_claims_the_best_possible_no_order_of_the_tasks_is_better() {
    for (long seed = 1; seed <= 25; seed++) {
      TaskGraph graph = RandomGraphs.dag(7, 2, 4, seed);
      int[][] conflicts =
          seed % 3 == 0 ? RandomGraphs.conflicts(graph, 2, seed) : RandomGraphs.noConflicts(7);
      int executors = 2 + (int) (seed % 2);

      OrderSearch.Result result =
          search(graph, criticalPath(graph), conflicts, executors, 10_000_000);

      assertThat(result.bestPossible()).isTrue();
      assertThat(result.makespan()).isEqualTo(bestOverAllRanks(graph, conflicts, executors));
    }
  }

  @Test
  @Timeout(30)
  void stays_near_its_budget_on_a_large_plan() {
    TaskGraph graph = RandomGraphs.dag(20_000, 3, 100, 3);
    int[][] none = RandomGraphs.noConflicts(graph.size());
    int[] start = criticalPath(graph);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    long begin = threads.getCurrentThreadCpuTime();
    OrderSearch.Result result = OrderSearch.search(graph, start, none, 8, Duration.ofMillis(100));
    long cpuMillis = (threads.getCurrentThreadCpuTime() - begin) / 1_000_000;

    assertThat(result.makespan()).isLessThanOrEqualTo(simulated(graph, start, none, 8));
    // The budget is checked between schedules of the whole plan, a few milliseconds each here.
    assertThat(cpuMillis).isLessThan(1_000);
  }

  private static long bestOverAllRanks(TaskGraph graph, int[][] conflicts, int executors) {
    ListScheduling scheduling = ListScheduling.forward(graph, conflicts, executors);
    int[] rank = new int[graph.size()];
    Arrays.setAll(rank, t -> t);
    long best = Long.MAX_VALUE;
    do {
      best = Math.min(best, scheduling.makespan(rank));
    } while (nextPermutation(rank));
    return best;
  }

  private static boolean nextPermutation(int[] a) {
    int i = a.length - 2;
    while (i >= 0 && a[i] >= a[i + 1]) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    int j = a.length - 1;
    while (a[j] <= a[i]) {
      j--;
    }
    int swap = a[i];
    a[i] = a[j];
    a[j] = swap;
    for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
      swap = a[l];
      a[l] = a[r];
      a[r] = swap;
    }
    return true;
  }

  @Nested
  @DisplayName("ListScheduling")
  class ListSchedulingTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void takes_the_decisions_of_the_simulator(long seed) {
      TaskGraph graph = RandomGraphs.dag(80, 4, 15, seed);
      int[][] conflicts = RandomGraphs.conflicts(graph, 30, seed);
      int executors = 1 + (int) seed;
      int[] rank = new int[graph.size()];
      Arrays.setAll(rank, t -> (t * 37) % graph.size());

      ListScheduling scheduling = ListScheduling.forward(graph, conflicts, executors);
      long makespan = scheduling.makespan(rank);

      Schedule schedule = Simulator.simulate(graph, rank, conflicts, executors);
      assertThat(makespan).isEqualTo(schedule.makespan());
      for (int t = 0; t < graph.size(); t++) {
        assertThat(scheduling.start(t)).as("start of %s", t).isEqualTo(schedule.start(t));
      }
    }
  }

  @Nested
  @DisplayName("LowerBound")
  class LowerBoundTest {

    @Test
    void basic_is_the_critical_path_or_the_work_per_executor() {
      TaskGraph graph = sevenTasks();

      assertThat(LowerBound.basic(graph, 1)).isEqualTo(25 * MINUTE);
      assertThat(LowerBound.basic(graph, 2)).isEqualTo(25 * MINUTE / 2);
      assertThat(LowerBound.basic(graph, 4)).isEqualTo(10 * MINUTE);
    }

    @Test
    void energetic_rounds_up_to_whole_durations() {
      // 12.5 minutes of work per executor: a schedule without needless waits ends on a minute.
      assertThat(LowerBound.energetic(sevenTasks(), 2)).isEqualTo(13 * MINUTE);
    }

    @Test
    void energetic_is_never_above_the_best_order() {
      for (long seed = 1; seed <= 25; seed++) {
        TaskGraph graph = RandomGraphs.dag(7, 2, 4, seed);
        int[][] none = RandomGraphs.noConflicts(7);
        for (int executors = 2; executors <= 3; executors++) {
          long bound = LowerBound.energetic(graph, executors);
          assertThat(bound)
              .isGreaterThanOrEqualTo(LowerBound.basic(graph, executors))
              .isLessThanOrEqualTo(bestOverAllRanks(graph, none, executors));
        }
      }
    }
  }
}
