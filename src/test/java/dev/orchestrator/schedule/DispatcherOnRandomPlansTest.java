package dev.orchestrator.schedule;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.plan.TaskStatus;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The threaded dispatcher on random plans of a thousand tasks and more, with file conflicts and
 * failures, for M = 1, 3 and 8: at most M tasks at once, none before its dependencies completed or
 * beside a conflicting task, each exactly once, no executor idle while a task is ready, and a
 * failure skipping exactly its transitive dependents.
 */
@Timeout(20)
class DispatcherOnRandomPlansTest {

  private static final long SEED = 0x5EED_2026L;
  private static final int SIZE = 2_000;

  /** Made once: finding the file conflicts of thousands of tasks takes a moment. */
  private static final Workload LARGE = Workload.random(SEED, SIZE, 0.1, 10);

  /** Its plans' failures leave most tasks to run, so that the lock step checks many decisions. */
  private static final long LOCK_STEP_SEED = 3;

  /** Runs {@link Dispatcher#run} off the test thread, so the test can act while it dispatches. */
  private final ExecutorService caller =
      Executors.newSingleThreadExecutor(DaemonThreads.named("caller"));

  @AfterEach
  void stopCaller() {
    caller.shutdownNow();
  }

  /**
   * A free-running dispatch of a random plan with tiny real work, watched from inside: the work
   * checks on entry that its dependencies completed and that no conflicting task is running, and
   * counts tasks in flight; the listener records each task's decisions.
   */
  private static final class WatchedRun implements TaskWork, DispatchListener {
    final Workload workload;
    final AtomicIntegerArray runs;
    final AtomicIntegerArray completed;
    final AtomicIntegerArray inWork;
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();
    final Queue<String> violations = new ConcurrentLinkedQueue<>();
    // Written under the dispatcher's lock, read after run() returned.
    final StringBuilder[] decisions;
    final int[] skippedFor;
    final TaskStatus[] statuses;
    final AtomicLong checksum = new AtomicLong();

    WatchedRun(Workload workload, int executors) throws InterruptedException {
      this.workload = workload;
      int n = workload.size();
      runs = new AtomicIntegerArray(n);
      completed = new AtomicIntegerArray(n);
      inWork = new AtomicIntegerArray(n);
      decisions = new StringBuilder[n];
      Arrays.setAll(decisions, t -> new StringBuilder());
      skippedFor = new int[n];
      Arrays.fill(skippedFor, -1);
      statuses = workload.dispatcher(executors).run(this, this);
    }

    @Override
    public boolean run(int task, int executor) {
      mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      runs.incrementAndGet(task);
      inWork.set(task, 1);
      for (int d : workload.graph().dependencies(task)) {
        if (completed.get(d) == 0) {
          violations.add(id(task) + " started before its dependency " + id(d) + " completed");
        }
      }
      for (int c : workload.conflicts()[task]) {
        if (inWork.get(c) == 1) {
          violations.add(id(task) + " started while conflicting " + id(c) + " was running");
        }
      }
      long sum = 0;
      for (long i = 0; i < workload.graph().duration(task) * 20; i++) {
        sum += i * task;
      }
      checksum.addAndGet(sum); // keeps the loop from being optimised away
      inWork.set(task, 0);
      inFlight.decrementAndGet();
      return !workload.fails(task);
    }

    @Override
    public void ready(int task) {
      decisions[task].append("ready ");
    }

    @Override
    public void started(int task, int executor) {
      decisions[task].append("started ");
    }

    @Override
    public void finished(int task, int executor, boolean succeeded) {
      decisions[task].append(succeeded ? "completed " : "failed ");
      if (succeeded) {
        completed.set(task, 1);
      }
    }

    @Override
    public void skipped(int task, int failedDependency) {
      decisions[task].append("skipped ");
      skippedFor[task] = failedDependency;
    }

    BitSet with(TaskStatus status) {
      BitSet tasks = new BitSet();
      for (int t = 0; t < statuses.length; t++) {
        if (statuses[t] == status) {
          tasks.set(t);
        }
      }
      return tasks;
    }

    String id(int task) {
      return workload.graph().id(task);
    }
  }

  @Nested
  @DisplayName("on a random plan of 2,000 tasks with file conflicts and failures")
  class RandomPlan {

    @ParameterizedTest(name = "M = {0}")
    @ValueSource(ints = {1, 3, 8})
    @DisplayName("runs every task exactly once, never more than M at a time")
    void each_task_once_at_most_m_at_a_time(int executors) throws InterruptedException {
      WatchedRun run = new WatchedRun(LARGE.withoutFailures(), executors);

      assertThat(run.statuses).containsOnly(TaskStatus.COMPLETED);
      for (int t = 0; t < SIZE; t++) {
        assertThat(run.runs.get(t)).as("runs of %s", run.id(t)).isEqualTo(1);
      }
      assertThat(run.mostInFlight.get()).isBetween(1, executors);
    }

    @ParameterizedTest(name = "M = {0}")
    @ValueSource(ints = {1, 3, 8})
    @DisplayName("starts no task before its dependencies completed nor beside a conflicting task")
    void dependencies_and_conflicts(int executors) throws InterruptedException {
      WatchedRun run = new WatchedRun(LARGE, executors);

      assertThat(run.violations).isEmpty();
      assertThat(run.mostInFlight.get()).isBetween(1, executors);
    }

    @ParameterizedTest(name = "M = {0}")
    @ValueSource(ints = {1, 3, 8})
    @DisplayName("skips exactly the transitive dependents of the failed tasks; the rest complete")
    void failures_skip_exactly_their_dependents(int executors) throws InterruptedException {
      WatchedRun run = new WatchedRun(LARGE, executors);
      Workload workload = run.workload;

      assertThat(run.statuses).containsExactly(workload.expectedStatuses());
      BitSet failed = run.with(TaskStatus.FAILED);
      assertThat(failed.cardinality()).as("failed tasks").isPositive();
      assertThat(run.with(TaskStatus.SKIPPED)).isEqualTo(workload.dependentsOf(failed));
      assertThat(run.with(TaskStatus.COMPLETED).cardinality())
          .as("enough tasks complete for the run to mean something")
          .isGreaterThan(SIZE / 4);
      for (int t = 0; t < SIZE; t++) {
        int expectedRuns = run.statuses[t] == TaskStatus.SKIPPED ? 0 : 1;
        assertThat(run.runs.get(t)).as("runs of %s", run.id(t)).isEqualTo(expectedRuns);
      }
    }

    @ParameterizedTest(name = "M = {0}")
    @ValueSource(ints = {1, 3, 8})
    @DisplayName("tells the listener ready, started, ended for a task that runs; only skipped else")
    void listener_contract(int executors) throws InterruptedException {
      WatchedRun run = new WatchedRun(LARGE, executors);

      for (int t = 0; t < SIZE; t++) {
        String decisions = run.decisions[t].toString().trim();
        switch (run.statuses[t]) {
          case COMPLETED:
            assertThat(decisions).as(run.id(t)).isEqualTo("ready started completed");
            break;
          case FAILED:
            assertThat(decisions).as(run.id(t)).isEqualTo("ready started failed");
            break;
          default:
            assertThat(decisions).as(run.id(t)).isEqualTo("skipped");
            int cause = run.skippedFor[t];
            assertThat(run.statuses[cause])
                .as("the task that skipped %s", run.id(t))
                .isEqualTo(TaskStatus.FAILED);
            assertThat(run.workload.graph().dependsTransitively(t, cause)).isTrue();
        }
      }
    }
  }

  @Nested
  @DisplayName("in lock step with a model of the rules, on 1,000 tasks")
  class LockStep {

    private record Start(int task, int executor) {}

    /**
     * Each task announces its start and waits until the test ends it, so the test knows exactly
     * what runs. Whenever the model says a task could start and an executor is free, a start must
     * follow; when exactly one executor just became free, it must take the lowest-ranked task.
     */
    @ParameterizedTest(name = "M = {0}")
    @ValueSource(ints = {1, 3, 8})
    @DisplayName("no executor is idle while a task is ready, and it takes the best-ranked one")
    void no_idle_executor_while_a_task_is_ready(int executors) throws Exception {
      // Few lanes, so that often fewer tasks can start than executors are free.
      Workload workload =
          Workload.random(LOCK_STEP_SEED + executors, 1_000, Math.max(1, executors / 3), 0.15, 2);
      BlockingQueue<Start> starts = new LinkedBlockingQueue<>();
      Semaphore[] end = new Semaphore[workload.size()];
      Arrays.setAll(end, t -> new Semaphore(0));
      TaskWork work =
          (task, executor) -> {
            starts.put(new Start(task, executor));
            if (!end[task].tryAcquire(30, SECONDS)) {
              throw new IllegalStateException("the test never ended " + task);
            }
            return !workload.fails(task);
          };
      Dispatcher dispatcher = workload.dispatcher(executors);
      Future<TaskStatus[]> run = caller.submit(() -> dispatcher.run(work, DispatchListener.NONE));
      DispatchModel model = new DispatchModel(workload, executors);
      Random random = new Random(SEED);
      int bestRankChecks = 0;
      int severalStarts = 0;
      int freedExecutor = 0;
      try {
        while (true) {
          int startsNow = 0;
          while (model.running().size() < executors && model.anyDispatchable()) {
            if (++startsNow == 2) {
              severalStarts++;
            }
            Start start = starts.poll(5, SECONDS);
            assertThat(start)
                .as(
                    "a start while %s could start and %d of %d executors were busy",
                    model.id(model.best()), model.running().size(), executors)
                .isNotNull();
            if (freedExecutor > 0) {
              assertThat(model.id(start.task()))
                  .as("the task the one free executor took")
                  .isEqualTo(model.id(model.best()));
              assertThat(start.executor()).isEqualTo(freedExecutor);
              bestRankChecks++;
              freedExecutor = 0;
            }
            model.start(start.task(), start.executor());
          }
          if (model.running().isEmpty()) {
            break;
          }
          List<Integer> running = model.running();
          int task = running.get(random.nextInt(running.size()));
          freedExecutor = running.size() == executors ? model.executorOf(task) : 0;
          model.finish(task, !workload.fails(task));
          end[task].release();
        }

        assertThat(model.unfinished()).isEmpty();
        assertThat(run.get(5, SECONDS)).containsExactly(model.statuses());
        assertThat(model.statuses()).containsExactly(workload.expectedStatuses());
        assertThat(starts).isEmpty();
        assertThat(bestRankChecks).as("starts checked for rank").isGreaterThan(100);
        if (executors > 1) {
          assertThat(severalStarts).as("ends after which several tasks started").isGreaterThan(10);
        }
      } finally {
        dispatcher.stop();
        Arrays.stream(end).forEach(s -> s.release(2));
      }
    }
  }
}
