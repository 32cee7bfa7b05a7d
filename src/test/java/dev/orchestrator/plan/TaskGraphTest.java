package dev.orchestrator.plan;

import static dev.orchestrator.plan.PlanFixture.plan;
import static dev.orchestrator.plan.PlanFixture.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TaskGraphTest {

  /** task_1 (10) before task_2 (20) and task_3 (30), both before task_4 (10). */
  private static TaskGraph diamond() {
    return TaskGraph.ofIndices(new int[][] {{}, {0}, {0}, {1, 2}}, new long[] {10, 20, 30, 10});
  }

  private static int[] positionsIn(int[] order) {
    int[] position = new int[order.length];
    for (int k = 0; k < order.length; k++) {
      position[order[k]] = k;
    }
    return position;
  }

  @Nested
  @DisplayName("built from a plan")
  class FromPlan {

    @Test
    @DisplayName("indexes tasks by plan position and takes durations in milliseconds")
    void positions_ids_and_durations() {
      Plan plan =
          plan()
              .with(task("api", Duration.ofMinutes(30)))
              .with(task("ui", Duration.ofHours(1)), "api", "api")
              .build();

      TaskGraph graph = TaskGraph.of(plan);

      assertThat(graph.size()).isEqualTo(2);
      assertThat(graph.id(1)).isEqualTo("ui");
      assertThat(graph.indexOf("ui")).isEqualTo(1);
      assertThat(graph.duration(1)).isEqualTo(3_600_000);
      assertThat(graph.dependencies(1)).containsExactly(0);
      assertThat(graph.dependents(0)).containsExactly(1);
      assertThat(graph.edgeCount()).as("a repeated dependency counts once").isEqualTo(1);
    }

    @Test
    @DisplayName("rejects a dependency on an unknown task")
    void unknown_dependency() {
      Plan plan = plan().with("task_1").with("task_3", "task_9").build();

      assertThatThrownBy(() -> TaskGraph.of(plan))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("unknown dependency task_9");
    }

    @Test
    @DisplayName("rejects repeated ids")
    void duplicate_ids() {
      Plan plan = plan().with("task_1").with("task_1").build();

      assertThatThrownBy(() -> TaskGraph.of(plan))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("duplicate task id task_1");
    }

    @Test
    @DisplayName("names the unknown id it is asked for")
    void unknown_id() {
      assertThatThrownBy(() -> diamond().indexOf("task_9"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("no task task_9");
    }
  }

  @Nested
  @DisplayName("topological order")
  class TopologicalOrder {

    @Test
    @DisplayName("puts every task after all of its dependencies")
    void respects_dependencies() {
      Random random = new Random(7);
      int n = 500;
      int[][] deps = new int[n][];
      // Every task depends on later positions, so plan order is not already an answer.
      for (int i = 0; i < n; i++) {
        int count = i + 1 < n ? random.nextInt(4) : 0;
        deps[i] = random.ints(count, i + 1, Math.max(i + 2, n)).distinct().toArray();
      }
      TaskGraph graph = TaskGraph.ofIndices(deps, new long[n]);

      int[] order = graph.topologicalOrder();

      assertThat(order).hasSize(n).doesNotHaveDuplicates();
      int[] position = positionsIn(order);
      for (int t = 0; t < n; t++) {
        for (int d : graph.dependencies(t)) {
          assertThat(position[d])
              .as("%s before %s", graph.id(d), graph.id(t))
              .isLessThan(position[t]);
        }
      }
    }

    @Test
    @DisplayName("keeps plan order between independent tasks")
    void ties_keep_plan_order() {
      TaskGraph graph = TaskGraph.ofIndices(new int[][] {{}, {}, {}}, new long[3]);

      assertThat(graph.topologicalOrder()).containsExactly(0, 1, 2);
    }

    @Test
    @DisplayName("refuses a graph with a cycle")
    void cycle() {
      TaskGraph graph = TaskGraph.ofIndices(new int[][] {{1}, {0}}, new long[2]);

      assertThatThrownBy(graph::topologicalOrder)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("the task graph has a cycle");
    }
  }

  @Nested
  @DisplayName("critical path")
  class CriticalPath {

    @Test
    @DisplayName("the remaining critical path of a task includes itself and its longest tail")
    void remaining_critical_path() {
      assertThat(diamond().remainingCriticalPath()).containsExactly(50, 30, 40, 10);
    }

    @Test
    @DisplayName("follows the longest chain of the diamond")
    void diamond_path() {
      TaskGraph graph = diamond();

      assertThat(graph.criticalPath()).containsExactly("task_1", "task_3", "task_4");
      assertThat(graph.criticalPathLength()).isEqualTo(50);
      assertThat(graph.totalWork()).isEqualTo(70);
    }

    @Test
    @DisplayName("picks the longest chain even when it starts at a later, shorter root")
    void longest_chain_from_any_root() {
      TaskGraph graph =
          TaskGraph.ofIndices(new int[][] {{}, {0}, {}, {2}, {3}}, new long[] {40, 40, 5, 50, 50});

      assertThat(graph.criticalPath()).containsExactly("task_3", "task_4", "task_5");
      assertThat(graph.criticalPathLength()).isEqualTo(105);
    }

    @Test
    @DisplayName("is empty for an empty graph")
    void empty() {
      TaskGraph graph = TaskGraph.ofIndices(new int[0][], new long[0]);

      assertThat(graph.criticalPath()).isEmpty();
      assertThat(graph.criticalPathLength()).isZero();
    }
  }

  @Nested
  @DisplayName("dependents")
  class Dependents {

    @Test
    @DisplayName("transitive dependents are every task reached through dependents, not the task")
    void transitive_dependents() {
      TaskGraph graph = diamond();

      assertThat(graph.transitiveDependents(0)).isEqualTo(bits(1, 2, 3));
      assertThat(graph.transitiveDependents(1)).isEqualTo(bits(3));
      assertThat(graph.transitiveDependents(3)).isEqualTo(bits());
    }

    @Test
    @DisplayName("a task depends transitively on its ancestors only")
    void depends_transitively() {
      TaskGraph graph = diamond();

      assertThat(graph.dependsTransitively(3, 0)).isTrue();
      assertThat(graph.dependsTransitively(1, 0)).isTrue();
      assertThat(graph.dependsTransitively(0, 3)).isFalse();
      assertThat(graph.dependsTransitively(1, 2)).isFalse();
      assertThat(graph.dependsTransitively(0, 0)).isFalse();
    }

    private BitSet bits(int... tasks) {
      BitSet set = new BitSet();
      IntStream.of(tasks).forEach(set::set);
      return set;
    }
  }

  @Nested
  @DisplayName("find cycle")
  class FindCycle {

    @Test
    @DisplayName("finds none in a DAG, however deep")
    void none_in_a_dag() {
      int n = 100_000;
      int[][] chain = new int[n][];
      chain[0] = new int[0];
      for (int i = 1; i < n; i++) {
        chain[i] = new int[] {i - 1};
      }

      assertThat(TaskGraph.ofIndices(chain, new long[n]).findCycle()).isEmpty();
      assertThat(diamond().findCycle()).isEmpty();
    }

    @Test
    @DisplayName("names a cycle with the first task repeated, each task depending on the next")
    void names_the_cycle() {
      TaskGraph graph = TaskGraph.ofIndices(new int[][] {{1}, {2}, {0}}, new long[3]);

      assertThat(graph.findCycle()).contains(List.of("task_1", "task_2", "task_3", "task_1"));
    }

    @Test
    @DisplayName("names only the cycle, not the tasks that lead into it")
    void only_the_cycle() {
      // task_1 -> task_2 -> task_3 -> task_4 -> task_2
      TaskGraph graph = TaskGraph.ofIndices(new int[][] {{1}, {2}, {3}, {1}}, new long[4]);

      assertThat(graph.findCycle()).contains(List.of("task_2", "task_3", "task_4", "task_2"));
    }

    @Test
    @DisplayName("names a two-task cycle")
    void two_cycle() {
      TaskGraph graph = TaskGraph.ofIndices(new int[][] {{}, {4}, {}, {}, {1}}, new long[5]);

      assertThat(graph.findCycle()).contains(List.of("task_2", "task_5", "task_2"));
    }
  }
}
