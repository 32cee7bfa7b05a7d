package dev.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.plan.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Small schedules worked out by hand; {@link SimulatorProperties} checks the rules at scale. */
class SimulatorTest {

  /** task_1 (10) before task_2 (20) and task_3 (30), both before task_4 (10). */
  private static final TaskGraph DIAMOND =
      TaskGraph.ofIndices(new int[][] {{}, {0}, {0}, {1, 2}}, new long[] {10, 20, 30, 10});

  private static Schedule simulate(TaskGraph graph, int executors) {
    return Simulator.simulate(graph, rankOf(graph), noConflicts(graph), executors);
  }

  private static int[] rankOf(TaskGraph graph) {
    return DispatchOrder.criticalPathFirst(graph, new int[graph.size()]);
  }

  private static int[][] noConflicts(TaskGraph graph) {
    return new int[graph.size()][0];
  }

  private static long[] starts(Schedule schedule) {
    return IntStream.range(0, schedule.size()).mapToLong(schedule::start).toArray();
  }

  private static long[] ends(Schedule schedule) {
    return IntStream.range(0, schedule.size()).mapToLong(schedule::end).toArray();
  }

  private static int[] executors(Schedule schedule) {
    return IntStream.range(0, schedule.size()).map(schedule::executor).toArray();
  }

  @Nested
  @DisplayName("a diamond on two executors")
  class DiamondOnTwo {

    private final Schedule schedule = simulate(DIAMOND, 2);

    @Test
    @DisplayName("finishes after its critical path, 50")
    void makespan() {
      assertThat(schedule.makespan()).isEqualTo(50);
      assertThat(schedule.executors()).isEqualTo(2);
    }

    @Test
    @DisplayName("runs both middle tasks at once, the longer on the lower executor")
    void times_and_executors() {
      assertThat(starts(schedule)).containsExactly(0, 10, 10, 40);
      assertThat(ends(schedule)).containsExactly(10, 30, 40, 50);
      assertThat(executors(schedule)).containsExactly(1, 2, 1, 1);
      assertThat(schedule.status(3)).isEqualTo(TaskStatus.COMPLETED);
    }

    @Test
    @DisplayName("keeps the executors busy 70 of 100 executor-milliseconds")
    void utilisation() {
      assertThat(schedule.utilisation()).isEqualTo(0.7);
    }
  }

  @Test
  @DisplayName("one executor runs the diamond back to back in dispatch order")
  void diamond_on_one() {
    Schedule schedule = simulate(DIAMOND, 1);

    assertThat(starts(schedule)).containsExactly(0, 40, 10, 60);
    assertThat(schedule.makespan()).isEqualTo(DIAMOND.totalWork());
    assertThat(schedule.utilisation()).isEqualTo(1.0);
  }

  @Test
  @DisplayName("independent tasks whose files overlap run one after the other")
  void conflicts_serialise() {
    TaskGraph pair = TaskGraph.ofIndices(new int[][] {{}, {}}, new long[] {10, 10});
    int[][] conflict = {{1}, {0}};

    Schedule apart = Simulator.simulate(pair, rankOf(pair), conflict, 2);

    assertThat(apart.makespan()).isEqualTo(20);
    assertThat(simulate(pair, 2).makespan()).isEqualTo(10);
  }

  @Test
  @DisplayName("a failure skips its dependents, which never run")
  void failure_skips_dependents() {
    Schedule schedule =
        Simulator.simulate(
            DIAMOND, rankOf(DIAMOND), noConflicts(DIAMOND), 2, t -> t != 1, DispatchListener.NONE);

    assertThat(schedule.status(1)).isEqualTo(TaskStatus.FAILED);
    assertThat(schedule.status(2)).isEqualTo(TaskStatus.COMPLETED);
    assertThat(schedule.status(3)).isEqualTo(TaskStatus.SKIPPED);
    assertThat(schedule.start(3)).isEqualTo(-1);
    assertThat(schedule.end(3)).isEqualTo(-1);
    assertThat(schedule.executor(3)).isZero();
    assertThat(schedule.makespan()).isEqualTo(40);
  }

  @Test
  @DisplayName("the listener hears every decision in virtual-time order")
  void listener_order() {
    List<String> heard = new ArrayList<>();

    Simulator.simulate(
        DIAMOND,
        rankOf(DIAMOND),
        noConflicts(DIAMOND),
        2,
        t -> true,
        new DispatchListener() {
          @Override
          public void ready(int task) {
            heard.add("ready " + DIAMOND.id(task));
          }

          @Override
          public void started(int task, int executor) {
            heard.add("started " + DIAMOND.id(task) + " on " + executor);
          }

          @Override
          public void finished(int task, int executor, boolean succeeded) {
            heard.add("finished " + DIAMOND.id(task) + " on " + executor);
          }
        });

    assertThat(heard)
        .containsExactly(
            "ready task_1",
            "started task_1 on 1",
            "finished task_1 on 1",
            "ready task_2",
            "ready task_3",
            "started task_3 on 1",
            "started task_2 on 2",
            "finished task_2 on 2",
            "finished task_3 on 1",
            "ready task_4",
            "started task_4 on 1",
            "finished task_4 on 1");
  }

  @Test
  @DisplayName("tasks that end at one instant all end before anything starts")
  void ends_before_starts() {
    // task_1 and task_2 end together at 10; only then may the executors choose, and task_2 readies
    // task_3 and task_4, which rank before the short task_5 that was ready all along.
    TaskGraph graph =
        TaskGraph.ofIndices(new int[][] {{}, {}, {1}, {1}, {}}, new long[] {10, 10, 50, 40, 5});

    Schedule schedule = simulate(graph, 2);

    assertThat(starts(schedule)).containsExactly(0, 0, 10, 10, 50);
  }

  @Test
  @DisplayName("an empty plan takes no time")
  void empty() {
    Schedule schedule = simulate(TaskGraph.ofIndices(new int[0][], new long[0]), 3);

    assertThat(schedule.makespan()).isZero();
    assertThat(schedule.utilisation()).isZero();
  }

  @Test
  @DisplayName("needs at least one executor")
  void at_least_one_executor() {
    assertThatThrownBy(() -> simulate(DIAMOND, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("executors must be at least 1, was 0");
  }
}
