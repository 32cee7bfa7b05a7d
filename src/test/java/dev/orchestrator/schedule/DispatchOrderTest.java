package dev.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.plan.Complexity;
import dev.orchestrator.plan.Effort;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import dev.orchestrator.plan.TaskGraph;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DispatchOrderTest {

  /** The ids of the graph's tasks, first in the order first. */
  private static List<String> inOrder(TaskGraph graph, int[] rank) {
    String[] ids = new String[rank.length];
    for (int t = 0; t < rank.length; t++) {
      ids[rank[t]] = graph.id(t);
    }
    return List.of(ids);
  }

  private static Task task(String id, int priority, long minutes) {
    return new Task(
        id, id, "", priority, Effort.MEDIUM, Duration.ofMinutes(minutes), List.of(), List.of());
  }

  private static Plan plan(List<Task> tasks, Map<String, List<String>> dependencies) {
    return new Plan(
        "r",
        new Complexity(10, "", List.of(), List.of()),
        2,
        Plan.TASK_QUEUE,
        tasks,
        dependencies,
        "",
        "",
        null);
  }

  @Test
  @DisplayName("the task with the longest remaining critical path goes first, not the longest task")
  void longest_remaining_path_first() {
    // task_1 (5) leads to task_2 (100); task_3 (50) and task_4 (60) stand alone.
    TaskGraph graph =
        TaskGraph.ofIndices(new int[][] {{}, {0}, {}, {}}, new long[] {5, 100, 50, 60});

    int[] rank = DispatchOrder.criticalPathFirst(graph, new int[] {5, 1, 1, 1});

    assertThat(inOrder(graph, rank)).containsExactly("task_1", "task_2", "task_4", "task_3");
  }

  @Test
  @DisplayName("between equal paths, the higher priority (lower number) goes first")
  void then_priority() {
    Plan plan =
        plan(
            List.of(task("task_1", 3, 30), task("task_2", 1, 30), task("task_3", 2, 30)), Map.of());
    TaskGraph graph = TaskGraph.of(plan);

    assertThat(inOrder(graph, DispatchOrder.criticalPathFirst(plan, graph)))
        .containsExactly("task_2", "task_3", "task_1");
  }

  @Test
  @DisplayName("between equal paths and priorities, ids compare with their numbers by value")
  void then_id() {
    Plan plan =
        plan(
            List.of(
                task("task_10", 2, 30),
                task("task_2", 2, 30),
                task("task_1", 2, 30),
                task("task_11", 2, 30),
                task("task_9", 2, 30)),
            Map.of());
    TaskGraph graph = TaskGraph.of(plan);

    assertThat(inOrder(graph, DispatchOrder.criticalPathFirst(plan, graph)))
        .containsExactly("task_1", "task_2", "task_9", "task_10", "task_11");
  }

  @Test
  @DisplayName("gives every task its own place")
  void a_permutation() {
    Workload workload = Workload.random(3, 500, 0, 0);

    int[] sorted = workload.rank().clone();
    Arrays.sort(sorted);

    assertThat(sorted).containsExactly(IntStream.range(0, 500).toArray());
  }

  @ParameterizedTest(name = "{0} vs {1}: {2}")
  @CsvSource({
    "task_2, task_10, -1",
    "task_10, task_2, 1",
    "task_2, task_2, 0",
    "task_1a, task_1b, -1",
    "task, task_1, -1",
    "api_3, ui_1, -1",
    "x9y, x10y, -1",
    "99999999999999999999, 100000000000000000000, -1",
    "a1b2, a1b10, -1"
  })
  @DisplayName("ids compare with runs of digits by value")
  void compare_ids(String a, String b, int sign) {
    assertThat(Integer.signum(DispatchOrder.compareIds(a, b))).isEqualTo(sign);
  }
}
