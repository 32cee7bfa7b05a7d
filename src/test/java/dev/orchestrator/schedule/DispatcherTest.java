package dev.orchestrator.schedule;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.plan.TaskStatus;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stopping, failures and threads of the dispatcher; {@link DispatcherOnRandomPlansTest} checks its
 * rules at scale.
 */
@Timeout(10)
class DispatcherTest {

  private static final long SEED = 0x5EED_2026L;

  /** Runs {@link Dispatcher#run} off the test thread, so the test can act while it dispatches. */
  private final ExecutorService caller =
      Executors.newSingleThreadExecutor(DaemonThreads.named("caller"));

  @AfterEach
  void stopCaller() {
    caller.shutdownNow();
  }

  /** The graph's tasks without file conflicts and with equal priorities, by critical path. */
  private static Dispatcher dispatcher(TaskGraph graph, int executors, ThreadFactory threads) {
    int[] rank = DispatchOrder.criticalPathFirst(graph, new int[graph.size()]);
    return new Dispatcher(graph, rank, new int[graph.size()][0], executors, threads);
  }

  private static TaskGraph independent(int size) {
    return TaskGraph.ofIndices(new int[size][0], new long[size]);
  }

  private Future<TaskStatus[]> runInBackground(Dispatcher dispatcher, TaskWork work) {
    return caller.submit(() -> dispatcher.run(work, DispatchListener.NONE));
  }

  @Nested
  @DisplayName("when stopped")
  class WhenStopped {

    @Test
    @DisplayName("tasks not started end NOT_STARTED; running ones finish and their results count")
    void running_tasks_finish() throws Exception {
      // task_2 depends on task_1; task_1 and task_3 have the longest paths, so they start first.
      TaskGraph graph =
          TaskGraph.ofIndices(new int[][] {{}, {0}, {}, {}, {}}, new long[] {50, 50, 60, 10, 10});
      Dispatcher dispatcher = dispatcher(graph, 2, DaemonThreads.named("executor"));
      CountDownLatch bothStarted = new CountDownLatch(2);
      CountDownLatch end = new CountDownLatch(1);
      Future<TaskStatus[]> run =
          runInBackground(
              dispatcher,
              (task, executor) -> {
                bothStarted.countDown();
                assertThat(end.await(5, SECONDS)).isTrue();
                return task != 2;
              });

      assertThat(bothStarted.await(5, SECONDS)).isTrue();
      dispatcher.stop();
      end.countDown();

      assertThat(run.get(5, SECONDS))
          .containsExactly(
              TaskStatus.COMPLETED,
              TaskStatus.NOT_STARTED,
              TaskStatus.FAILED,
              TaskStatus.NOT_STARTED,
              TaskStatus.NOT_STARTED);
    }

    @Test
    @DisplayName("a task may stop the dispatch; what it would have released does not start")
    void stopped_from_a_task() throws InterruptedException {
      TaskGraph graph = TaskGraph.ofIndices(new int[][] {{}, {0}}, new long[] {10, 10});
      Dispatcher dispatcher = dispatcher(graph, 1, DaemonThreads.named("executor"));

      TaskStatus[] statuses =
          dispatcher.run(
              (task, executor) -> {
                dispatcher.stop();
                return true;
              },
              DispatchListener.NONE);

      assertThat(statuses).containsExactly(TaskStatus.COMPLETED, TaskStatus.NOT_STARTED);
    }

    @Test
    @DisplayName("a stop before the run starts nothing")
    void stopped_before_the_run() throws InterruptedException {
      Dispatcher dispatcher = dispatcher(independent(3), 2, DaemonThreads.named("executor"));
      AtomicInteger runs = new AtomicInteger();

      dispatcher.stop();
      TaskStatus[] statuses =
          dispatcher.run((task, executor) -> runs.incrementAndGet() > 0, DispatchListener.NONE);

      assertThat(runs).hasValue(0);
      assertThat(statuses).containsOnly(TaskStatus.NOT_STARTED);
    }
  }

  @Nested
  @DisplayName("when something goes wrong")
  class WhenSomethingGoesWrong {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RuntimeException", "Error"})
    @DisplayName("work that throws ends the run with IllegalStateException instead of hanging")
    @Timeout(5)
    void work_throws(String kind) {
      Throwable boom =
          kind.equals("Error") ? new AssertionError("boom") : new IllegalArgumentException("boom");
      Dispatcher dispatcher = Workload.random(SEED, 50, 0.2, 0).dispatcher(3);

      assertThatThrownBy(
              () ->
                  dispatcher.run(
                      (task, executor) -> {
                        if (task == 7) {
                          if (boom instanceof Error) {
                            throw (Error) boom;
                          }
                          throw (RuntimeException) boom;
                        }
                        return true;
                      },
                      DispatchListener.NONE))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("an executor thread failed")
          .hasCause(boom);
    }

    @Test
    @DisplayName("a listener that throws ends the run with IllegalStateException, not a hang")
    @Timeout(3)
    void listener_throws() {
      Dispatcher dispatcher = Workload.random(SEED, 50, 0.2, 0).dispatcher(3);
      RuntimeException boom = new IllegalStateException("journal full");

      assertThatThrownBy(
              () ->
                  dispatcher.run(
                      (task, executor) -> true,
                      new DispatchListener() {
                        @Override
                        public void started(int task, int executor) {
                          if (task == 7) {
                            throw boom;
                          }
                        }
                      }))
          .isInstanceOf(IllegalStateException.class)
          .hasRootCause(boom);
    }

    @Test
    @DisplayName("an interrupted caller interrupts and joins the executors, then rethrows")
    void caller_interrupted() throws Exception {
      Dispatcher dispatcher = dispatcher(independent(5), 3, DaemonThreads.named("executor"));
      CountDownLatch allStarted = new CountDownLatch(3);
      AtomicInteger interruptedTasks = new AtomicInteger();
      CountDownLatch callerReady = new CountDownLatch(1);
      Future<Throwable> run =
          caller.submit(
              () -> {
                callerReady.countDown();
                try {
                  dispatcher.run(
                      (task, executor) -> {
                        allStarted.countDown();
                        try {
                          new CountDownLatch(1).await();
                        } catch (InterruptedException e) {
                          interruptedTasks.incrementAndGet();
                          throw e;
                        }
                        return true;
                      },
                      DispatchListener.NONE);
                  return null;
                } catch (InterruptedException e) {
                  return e;
                }
              });
      assertThat(callerReady.await(5, SECONDS)).isTrue();
      assertThat(allStarted.await(5, SECONDS)).isTrue();

      caller.shutdownNow();

      assertThat(run.get(5, SECONDS)).isInstanceOf(InterruptedException.class);
      assertThat(interruptedTasks).hasValue(3);
    }
  }

  @Test
  @DisplayName("a fast executor takes more tasks while a slow one is busy")
  void fast_executors_take_more() throws InterruptedException {
    CountDownLatch othersDone = new CountDownLatch(9);
    int[] tasksOf = new int[3];

    dispatcher(independent(10), 2, DaemonThreads.named("executor"))
        .run(
            (task, executor) -> {
              if (task == 0) {
                assertThat(othersDone.await(5, SECONDS)).isTrue();
              } else {
                othersDone.countDown();
              }
              return true;
            },
            new DispatchListener() {
              @Override
              public void started(int task, int executor) {
                tasksOf[executor]++;
              }
            });

    assertThat(tasksOf).containsExactlyInAnyOrder(0, 1, 9);
  }

  @Test
  @DisplayName("starts no more executor threads than there are tasks")
  void threads_for_tasks_only() throws InterruptedException {
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory counting =
        runnable -> {
          threads.incrementAndGet();
          return DaemonThreads.named("executor").newThread(runnable);
        };

    TaskStatus[] statuses =
        dispatcher(independent(2), 8, counting).run((t, e) -> true, DispatchListener.NONE);

    assertThat(statuses).containsOnly(TaskStatus.COMPLETED);
    assertThat(threads).hasValue(2);
  }

  @Test
  @DisplayName("an empty plan finishes at once")
  void empty_plan() throws InterruptedException {
    assertThat(
            dispatcher(independent(0), 3, DaemonThreads.named("executor"))
                .run((t, e) -> true, DispatchListener.NONE))
        .isEmpty();
  }

  @Test
  @DisplayName("a dispatcher runs once")
  void runs_once() throws InterruptedException {
    Dispatcher dispatcher = dispatcher(independent(2), 2, DaemonThreads.named("executor"));
    dispatcher.run((t, e) -> true, DispatchListener.NONE);

    assertThatThrownBy(() -> dispatcher.run((t, e) -> true, DispatchListener.NONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a dispatcher runs once");
  }

  @Test
  @DisplayName("needs at least one executor")
  void at_least_one_executor() {
    assertThatThrownBy(() -> dispatcher(independent(2), 0, DaemonThreads.named("executor")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("executors must be at least 1, was 0");
  }

  @Test
  @DisplayName("reports a dispatch with too few ranks or conflicts as a bug")
  void ranks_for_every_task() {
    Dispatcher dispatcher =
        new Dispatcher(
            independent(3), new int[2], new int[3][0], 2, DaemonThreads.named("executor"));

    assertThatThrownBy(() -> dispatcher.run((t, e) -> true, DispatchListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rank and conflicts must have one entry per task");
  }
}
