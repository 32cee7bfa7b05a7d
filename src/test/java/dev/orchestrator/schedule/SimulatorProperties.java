package dev.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.plan.TaskStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The rules of a dispatch, checked on simulated schedules of random plans: 1 to 300 tasks, 1 to 8
 * executors, with and without file conflicts and failures.
 */
class SimulatorProperties {

  private static final int TRIES = 200;

  // What the listener heard, as the first element of each recorded decision.
  private static final int READY = 0;
  private static final int STARTED = 1;
  private static final int FINISHED = 2;
  private static final int SKIPPED = 3;

  /** One simulated dispatch of a random workload, with every decision the listener heard. */
  static final class SimulatedDispatch implements DispatchListener {
    final Workload workload;
    final int executors;
    final Schedule schedule;
    final List<int[]> heard = new ArrayList<>();
    private final String description;

    SimulatedDispatch(long seed, int size, int executors, double conflictShare, boolean failures) {
      this.workload = Workload.random(seed, size, conflictShare, failures ? 1 + size / 50 : 0);
      this.executors = executors;
      this.description =
          String.format(
              "%d tasks on M = %d (seed %d, conflicts %.2f, %s)",
              size, executors, seed, conflictShare, failures ? "failures" : "no failures");
      this.schedule =
          Simulator.simulate(
              workload.graph(),
              workload.rank(),
              workload.conflicts(),
              executors,
              t -> !workload.fails(t),
              this);
    }

    @Override
    public void ready(int task) {
      heard.add(new int[] {READY, task});
    }

    @Override
    public void started(int task, int executor) {
      heard.add(new int[] {STARTED, task, executor});
    }

    @Override
    public void finished(int task, int executor, boolean succeeded) {
      heard.add(new int[] {FINISHED, task, executor, succeeded ? 1 : 0});
    }

    @Override
    public void skipped(int task, int failedDependency) {
      heard.add(new int[] {SKIPPED, task, failedDependency});
    }

    boolean ran(int task) {
      return schedule.start(task) >= 0;
    }

    boolean runningAt(int task, long instant) {
      return ran(task) && schedule.start(task) <= instant && instant < schedule.end(task);
    }

    /** The start, and every instant at which a task started or ended. */
    TreeSet<Long> instants() {
      TreeSet<Long> instants = new TreeSet<>();
      instants.add(0L);
      for (int t = 0; t < workload.size(); t++) {
        if (ran(t)) {
          instants.add(schedule.start(t));
          instants.add(schedule.end(t));
        }
      }
      return instants;
    }

    BitSet with(TaskStatus status) {
      BitSet tasks = new BitSet();
      for (int t = 0; t < workload.size(); t++) {
        if (schedule.status(t) == status) {
          tasks.set(t);
        }
      }
      return tasks;
    }

    String id(int task) {
      return workload.graph().id(task);
    }

    @Override
    public String toString() {
      return description;
    }
  }

  @Provide
  Arbitrary<SimulatedDispatch> dispatches() {
    return Combinators.combine(
            Arbitraries.longs(),
            Arbitraries.integers().between(1, 300),
            Arbitraries.integers().between(1, 8),
            Arbitraries.of(0.0, 0.1, 0.3),
            Arbitraries.of(false, true))
        .as(SimulatedDispatch::new);
  }

  @Provide
  Arbitrary<SimulatedDispatch> dispatchesWithoutFailures() {
    return Combinators.combine(
            Arbitraries.longs(),
            Arbitraries.integers().between(1, 300),
            Arbitraries.integers().between(1, 8),
            Arbitraries.of(0.0, 0.1, 0.3))
        .as(
            (seed, size, executors, conflicts) ->
                new SimulatedDispatch(seed, size, executors, conflicts, false));
  }

  /**
   * Works from the schedule's times alone: how many tasks run at each instant, and for each task
   * the instants from its last dependency's end to its own start, when it could have started unless
   * all executors were busy or a conflicting task was running.
   */
  @Property(tries = TRIES)
  @Label("no executor is idle while a task could start, and at most M tasks run at once")
  void work_conserving(@ForAll("dispatches") SimulatedDispatch dispatch) {
    Workload workload = dispatch.workload;
    Schedule schedule = dispatch.schedule;
    long[] instants = dispatch.instants().stream().mapToLong(Long::longValue).toArray();
    int[] running = new int[instants.length + 1];
    for (int t = 0; t < workload.size(); t++) {
      if (dispatch.ran(t)) {
        running[Arrays.binarySearch(instants, schedule.start(t))]++;
        running[Arrays.binarySearch(instants, schedule.end(t))]--;
      }
    }
    for (int k = 0; k < instants.length; k++) {
      running[k + 1] += running[k];
      assertThat(running[k])
          .as("tasks running at %d", instants[k])
          .isLessThanOrEqualTo(dispatch.executors);
    }
    for (int t = 0; t < workload.size(); t++) {
      long readyAt = 0;
      boolean dependenciesCompleted = true;
      for (int d : workload.graph().dependencies(t)) {
        dependenciesCompleted &= schedule.status(d) == TaskStatus.COMPLETED;
        readyAt = Math.max(readyAt, schedule.end(d));
      }
      if (!dependenciesCompleted) {
        continue;
      }
      long startedAt = dispatch.ran(t) ? schedule.start(t) : Long.MAX_VALUE;
      for (int k = lowerBound(instants, readyAt); k < instants.length; k++) {
        if (instants[k] >= startedAt) {
          break;
        }
        if (running[k] < dispatch.executors) {
          long instant = instants[k];
          boolean conflictRunning =
              Arrays.stream(workload.conflicts()[t]).anyMatch(c -> dispatch.runningAt(c, instant));
          assertThat(conflictRunning)
              .as(
                  "%s waited at %d beside %d running tasks and no conflicting one",
                  dispatch.id(t), instant, running[k])
              .isTrue();
        }
      }
    }
  }

  private static int lowerBound(long[] sorted, long value) {
    int at = Arrays.binarySearch(sorted, value);
    return at >= 0 ? at : -at - 1;
  }

  @Property(tries = TRIES)
  @Label("a task starts after its dependencies ended, and never beside a conflicting task")
  void dependencies_and_conflicts(@ForAll("dispatches") SimulatedDispatch dispatch) {
    Workload workload = dispatch.workload;
    Schedule schedule = dispatch.schedule;
    for (int t = 0; t < workload.size(); t++) {
      if (!dispatch.ran(t)) {
        continue;
      }
      for (int d : workload.graph().dependencies(t)) {
        assertThat(schedule.status(d)).isEqualTo(TaskStatus.COMPLETED);
        assertThat(schedule.end(d))
            .as("end of %s, which %s depends on", dispatch.id(d), dispatch.id(t))
            .isLessThanOrEqualTo(schedule.start(t));
      }
      for (int c : workload.conflicts()[t]) {
        if (dispatch.ran(c)) {
          assertThat(schedule.end(c) <= schedule.start(t) || schedule.end(t) <= schedule.start(c))
              .as("%s and conflicting %s apart in time", dispatch.id(t), dispatch.id(c))
              .isTrue();
        }
      }
    }
  }

  @Property(tries = TRIES)
  @Label("a failure skips exactly its transitive dependents; every other task runs once")
  void failures_skip_their_dependents(@ForAll("dispatches") SimulatedDispatch dispatch) {
    Workload workload = dispatch.workload;
    Schedule schedule = dispatch.schedule;

    TaskStatus[] expected = workload.expectedStatuses();
    for (int t = 0; t < workload.size(); t++) {
      assertThat(schedule.status(t)).as(dispatch.id(t)).isEqualTo(expected[t]);
      assertThat(dispatch.ran(t)).isEqualTo(expected[t] != TaskStatus.SKIPPED);
      assertThat(schedule.executor(t) > 0).isEqualTo(dispatch.ran(t));
    }
    assertThat(dispatch.with(TaskStatus.SKIPPED))
        .isEqualTo(workload.dependentsOf(dispatch.with(TaskStatus.FAILED)));
    assertThat(dispatch.heard.stream().filter(e -> e[0] == STARTED).count())
        .as("starts")
        .isEqualTo(workload.size() - dispatch.with(TaskStatus.SKIPPED).cardinality());
  }

  @Property(tries = TRIES)
  @Label("the makespan is no less than the critical path nor the work shared by M executors")
  void makespan_lower_bound(@ForAll("dispatchesWithoutFailures") SimulatedDispatch dispatch) {
    long criticalPath = dispatch.workload.graph().criticalPathLength();
    long work = dispatch.workload.graph().totalWork();
    long makespan = dispatch.schedule.makespan();
    int m = dispatch.executors;

    assertThat(makespan).isGreaterThanOrEqualTo(criticalPath);
    assertThat(makespan * m).isGreaterThanOrEqualTo(work);
    boolean conflictFree =
        Arrays.stream(dispatch.workload.conflicts()).allMatch(c -> c.length == 0);
    if (conflictFree) {
      // Graham's bound for any schedule that never leaves an executor idle beside a ready task.
      assertThat(makespan * m).isLessThanOrEqualTo(work + (m - 1) * criticalPath);
    }
  }

  /**
   * Replays what the listener heard against {@link DispatchModel}: each task readied when its last
   * dependency completed, each start the best-ranked task that could start once every task ending
   * at that instant ended, each skip a dependent of a failed task, and times never going back.
   */
  @Property(tries = TRIES)
  @Label("each executor that frees up takes the best-ranked task that can start")
  void dispatch_order(@ForAll("dispatches") SimulatedDispatch dispatch) {
    Workload workload = dispatch.workload;
    Schedule schedule = dispatch.schedule;
    DispatchModel model = new DispatchModel(workload, dispatch.executors);
    BitSet readied = new BitSet();
    BitSet reportedSkipped = new BitSet();
    long now = 0;
    for (int[] event : dispatch.heard) {
      int task = event[1];
      switch (event[0]) {
        case READY:
          assertThat(model.ready(task)).as("%s ready", dispatch.id(task)).isTrue();
          assertThat(readied.get(task)).as("%s readied twice", dispatch.id(task)).isFalse();
          readied.set(task);
          break;
        case STARTED:
          assertThat(readied.get(task))
              .as("%s readied before it started", dispatch.id(task))
              .isTrue();
          assertThat(dispatch.id(task))
              .as("the task that started; the best-ranked that could start")
              .isEqualTo(model.id(model.best()));
          for (int r : model.running()) {
            assertThat(schedule.end(r))
                .as("end of %s, still running when %s started", dispatch.id(r), dispatch.id(task))
                .isGreaterThan(schedule.start(task));
          }
          model.start(task, event[2]);
          assertThat(schedule.start(task)).isGreaterThanOrEqualTo(now);
          now = schedule.start(task);
          break;
        case FINISHED:
          assertThat(event[3] == 1).isEqualTo(!workload.fails(task));
          assertThat(event[2]).isEqualTo(schedule.executor(task));
          model.finish(task, event[3] == 1);
          assertThat(schedule.end(task)).isGreaterThanOrEqualTo(now);
          now = schedule.end(task);
          break;
        default:
          int failed = event[2];
          assertThat(model.skipped(task)).as("%s skipped", dispatch.id(task)).isTrue();
          assertThat(model.failed(failed)).isTrue();
          assertThat(workload.graph().dependsTransitively(task, failed)).isTrue();
          assertThat(readied.get(task)).isFalse();
          assertThat(reportedSkipped.get(task)).isFalse();
          reportedSkipped.set(task);
      }
    }
    assertThat(model.unfinished()).isEmpty();
    assertThat(reportedSkipped).isEqualTo(dispatch.with(TaskStatus.SKIPPED));
  }
}
