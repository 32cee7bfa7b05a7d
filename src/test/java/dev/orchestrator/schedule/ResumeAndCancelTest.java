package dev.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.plan.TaskStatus;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Dispatching a resumed run, and cancelling a running one. */
@Timeout(10)
class ResumeAndCancelTest {

  /** task_1 → task_2 → task_3, task_4 alone. */
  private static TaskGraph chain() {
    return TaskGraph.ofIndices(new int[][] {{}, {0}, {1}, {}}, new long[4]);
  }

  private static Dispatcher dispatcher(TaskGraph graph, int executors) {
    int[] rank = {0, 1, 2, 3};
    return new Dispatcher(
        graph, rank, new int[graph.size()][0], executors, DaemonThreads.named("e"));
  }

  @Test
  void tasks_completed_before_are_not_run_and_release_their_dependents() throws Exception {
    List<Integer> ran = new CopyOnWriteArrayList<>();
    BitSet completed = new BitSet();
    completed.set(0);
    completed.set(3);

    TaskStatus[] statuses =
        dispatcher(chain(), 2)
            .run((task, executor) -> ran.add(task), DispatchListener.NONE, completed);

    assertThat(ran).containsExactly(1, 2);
    assertThat(statuses).containsOnly(TaskStatus.COMPLETED);
  }

  @Test
  void cancel_interrupts_running_work_which_then_counts_as_not_started() throws Exception {
    Dispatcher dispatcher = dispatcher(chain(), 2);
    CountDownLatch bothRunning = new CountDownLatch(2);
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<TaskStatus[]> run =
          caller.submit(
              () ->
                  dispatcher.run(
                      (task, executor) -> {
                        bothRunning.countDown();
                        new CountDownLatch(1).await(); // until interrupted
                        return true;
                      },
                      DispatchListener.NONE));
      assertThat(bothRunning.await(5, TimeUnit.SECONDS)).isTrue();

      dispatcher.cancel();

      assertThat(run.get(5, TimeUnit.SECONDS))
          .as("cancelled work neither failed nor skipped anything")
          .containsOnly(TaskStatus.NOT_STARTED);
    } finally {
      caller.shutdownNow();
    }
  }
}
