package dev.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.bench.RandomGraphs;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.plan.TaskStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The threaded dispatcher under load: behaviour only, no timing. */
class StressTest {

  private static int[] criticalPath(TaskGraph graph) {
    int[] priority = new int[graph.size()];
    Arrays.fill(priority, 3);
    return DispatchOrder.criticalPathFirst(graph, priority);
  }

  @Test
  @Timeout(60)
  void runs_a_hundred_thousand_tasks_on_many_threads_each_once_after_its_dependencies()
      throws InterruptedException {
    TaskGraph graph = RandomGraphs.dag(100_000, 4, 200, 11);
    int n = graph.size();
    AtomicIntegerArray runs = new AtomicIntegerArray(n);
    AtomicIntegerArray completed = new AtomicIntegerArray(n);
    List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
    Dispatcher dispatcher =
        new Dispatcher(graph, criticalPath(graph), RandomGraphs.noConflicts(n), 32, Thread::new);

    TaskStatus[] statuses =
        dispatcher.run(
            (task, executor) -> {
              for (int d : graph.dependencies(task)) {
                if (completed.get(d) == 0) {
                  violations.add(graph.id(task) + " started before " + graph.id(d) + " completed");
                }
              }
              runs.incrementAndGet(task);
              completed.set(task, 1);
              return true;
            },
            DispatchListener.NONE);

    assertThat(violations).isEmpty();
    assertThat(statuses).containsOnly(TaskStatus.COMPLETED);
    for (int t = 0; t < n; t++) {
      assertThat(runs.get(t)).as("runs of %s", graph.id(t)).isEqualTo(1);
    }
  }

  @Test
  @Timeout(60)
  void never_runs_conflicting_tasks_side_by_side_under_load() throws InterruptedException {
    TaskGraph graph = RandomGraphs.dag(2_000, 3, 50, 12);
    int n = graph.size();
    int[][] conflicts = RandomGraphs.conflicts(graph, 800, 12);
    AtomicIntegerArray running = new AtomicIntegerArray(n);
    AtomicIntegerArray runs = new AtomicIntegerArray(n);
    List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
    Dispatcher dispatcher = new Dispatcher(graph, criticalPath(graph), conflicts, 16, Thread::new);

    TaskStatus[] statuses =
        dispatcher.run(
            (task, executor) -> {
              running.set(task, 1);
              for (int c : conflicts[task]) {
                if (running.get(c) == 1) {
                  violations.add(graph.id(task) + " runs beside " + graph.id(c));
                }
              }
              Thread.yield();
              runs.incrementAndGet(task);
              running.set(task, 0);
              return true;
            },
            DispatchListener.NONE);

    assertThat(violations).isEmpty();
    assertThat(statuses).containsOnly(TaskStatus.COMPLETED);
    for (int t = 0; t < n; t++) {
      assertThat(runs.get(t)).isEqualTo(1);
    }
  }
}
