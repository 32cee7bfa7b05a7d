package dev.orchestrator.output.report;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.output.Attempt;
import dev.orchestrator.output.Backend;
import dev.orchestrator.output.Pause;
import dev.orchestrator.output.Summary;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.output.Totals;
import dev.orchestrator.output.Verification;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.plan.TaskStatus;
import dev.orchestrator.sandbox.Sandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a report shows, independent of where it came from: a measured run ({@link #fromRun}) or a
 * schedule on a virtual clock ({@link #fromSchedule}). Times on the timeline are milliseconds from
 * its origin: the start of the run, or time zero of the simulation.
 *
 * @param tasks one row per task, in plan order; also the nodes of the task graph
 * @param dependencies every dependency edge, in plan order
 * @param criticalPath ids of the plan's longest chain by estimated durations, first task first
 * @param lanes one per executor, numbered from 1, every executor of the budget included
 * @param horizonMillis where the time axis ends, at least 1
 * @param verification what the run's verify step found; null for a schedule or an older run
 * @param planner what made the plan of a run, or null when not recorded or not a run
 * @param executor what executed the tasks of a run, or null when not recorded or not a run
 * @param resumes where a resumed run's timeline continues after a pause between its sessions, which
 *     the timeline leaves out; empty for a run of one session or a schedule
 * @param repository the repository and each task's change of a run on one ({@code --repo}); null
 *     otherwise, and in a model made from memory: the patches are read from the run's files
 */
public record ReportModel(
    Kind kind,
    String requirements,
    Overview overview,
    List<TaskRow> tasks,
    List<Edge> dependencies,
    List<String> criticalPath,
    List<Lane> lanes,
    long horizonMillis,
    Verification verification,
    Backend planner,
    Backend executor,
    List<Resume> resumes,
    RepositoryReport repository) {

  public ReportModel {
    requireNonNull(kind, "kind");
    requireNonNull(requirements, "requirements");
    requireNonNull(overview, "overview");
    tasks = List.copyOf(tasks);
    dependencies = List.copyOf(dependencies);
    criticalPath = List.copyOf(criticalPath);
    lanes = List.copyOf(lanes);
    resumes = List.copyOf(resumes);
    if (horizonMillis < 1) {
      throw new IllegalArgumentException("horizonMillis must be at least 1, was " + horizonMillis);
    }
  }

  /** Where the figures come from, which decides how the report labels its time units. */
  public enum Kind {
    /** A real run: times were measured; plan estimates are in plan units and shown apart. */
    RUN,
    /** A virtual-clock schedule: every task took its estimate, so times are plan units. */
    SIMULATION
  }

  /**
   * The run resumed here, {@code atMillis} into its running time, after a pause of {@code pause}
   * that is not on the timeline nor in its figures.
   */
  public record Resume(long atMillis, Duration pause) {}

  /** {@code dependent} waits for {@code dependency}. */
  public record Edge(String dependency, String dependent) {}

  /**
   * The model of a measured run: a bar per attempt, on the timeline of the run's running time from
   * its start (the pauses between the sessions of a resumed run left out). Attempts that began
   * before the start, which a summary written before pauses were kept leaves, are counted but not
   * drawn.
   *
   * @param summary the run's summary, one line per task of the plan
   * @throws IllegalArgumentException if the summary's tasks are not the plan's, or repeat one
   */
  public static ReportModel fromRun(Plan plan, Summary summary) {
    Map<String, TaskResult> lines = new HashMap<>();
    for (TaskResult line : summary.tasks()) {
      if (lines.put(line.taskId(), line) != null) {
        throw new IllegalArgumentException("the summary lists " + line.taskId() + " twice");
      }
    }
    requireSameTasks(plan, lines.keySet());
    Instant origin = summary.startedAt();
    RunningClock clock = new RunningClock(origin, summary.pauses());
    Totals totals = summary.totals();
    Timeline timeline = new Timeline(plan, totals.executors());
    timeline.sessions = totals.sessions();
    List<TaskRow> rows = new ArrayList<>();
    for (int i = 0; i < plan.tasks().size(); i++) {
      Task task = plan.tasks().get(i);
      TaskResult line = lines.get(task.id());
      for (Attempt attempt : line.attempts()) {
        if (attempt.startedAt().isBefore(origin)) {
          timeline.addEarlier();
          continue;
        }
        timeline.add(
            i,
            attempt.executorId(),
            new Bar(
                task.id(),
                line.name(),
                attempt.number(),
                line.attempts().size(),
                clock.millis(attempt.startedAt()),
                clock.millis(attempt.finishedAt()),
                attempt.outcome(),
                attempt.worker()));
      }
      rows.add(
          new TaskRow(
              task.id(),
              line.name(),
              line.status(),
              line.executorId(),
              line.attempts().size(),
              line.duration(),
              task.estimatedDuration(),
              line.metrics().filesCreated(),
              line.metrics().linesOfCode(),
              line.usage(),
              line.details().get(Sandbox.DETAIL),
              line.error()));
    }
    Overview overview =
        timeline.overview(
            totals.wallTime(),
            totals.makespan(),
            totals.executorUtilisation(),
            totals.totalFilesCreated(),
            totals.totalLinesOfCode(),
            totals.usage());
    long wall = totals.wallTime() == null ? 0 : totals.wallTime().toMillis();
    ReportModel model = timeline.model(Kind.RUN, rows, overview, wall);
    return new ReportModel(
        model.kind,
        model.requirements,
        model.overview,
        model.tasks,
        model.dependencies,
        model.criticalPath,
        model.lanes,
        model.horizonMillis,
        summary.verification(),
        summary.planner(),
        summary.executor(),
        clock.resumes(),
        null);
  }

  /** The same model with the repository side of the run. */
  ReportModel with(RepositoryReport repository) {
    return new ReportModel(
        kind,
        requirements,
        overview,
        tasks,
        dependencies,
        criticalPath,
        lanes,
        horizonMillis,
        verification,
        planner,
        executor,
        resumes,
        repository);
  }

  /**
   * The model of a schedule on a virtual clock, such as the one {@code simulate} computes: one
   * attempt per task that ran. Arrays are indexed by the position of the task in {@code
   * plan.tasks()}, the indexing of {@link TaskGraph#of}; nothing is measured, so files, lines,
   * tokens and cost are null.
   *
   * <p>A simulator's schedule {@code s} feeds it as {@code fromSchedule(plan, start, end, executor,
   * status, s.executors())} with {@code start[i] = s.start(i)}, {@code end[i] = s.end(i)}, {@code
   * executor[i] = s.executor(i)} and {@code status[i] = s.status(i)}.
   *
   * @param startMillis when each task started, -1 if it never ran
   * @param endMillis when each task ended, -1 if it never ran
   * @param executors the 1-based executor of each task, 0 if it never ran
   * @param statuses how each task ended; one that ran is {@code COMPLETED} or {@code FAILED}
   * @param budget the number of executors M
   * @throws IllegalArgumentException if an array's length is not the number of tasks
   */
  public static ReportModel fromSchedule(
      Plan plan,
      long[] startMillis,
      long[] endMillis,
      int[] executors,
      TaskStatus[] statuses,
      int budget) {
    int n = plan.tasks().size();
    if (startMillis.length != n
        || endMillis.length != n
        || executors.length != n
        || statuses.length != n) {
      throw new IllegalArgumentException("the schedule needs one entry per task of the plan: " + n);
    }
    Timeline timeline = new Timeline(plan, budget);
    List<TaskRow> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Task task = plan.tasks().get(i);
      boolean ran = startMillis[i] >= 0 && executors[i] > 0;
      if (ran) {
        Attempt.Outcome outcome =
            statuses[i] == TaskStatus.COMPLETED
                ? Attempt.Outcome.COMPLETED
                : Attempt.Outcome.FAILED;
        timeline.add(
            i,
            executors[i],
            new Bar(task.id(), task.name(), 1, 1, startMillis[i], endMillis[i], outcome, null));
      }
      rows.add(
          new TaskRow(
              task.id(),
              task.name(),
              statuses[i],
              ran ? executors[i] : null,
              ran ? 1 : 0,
              ran ? Duration.ofMillis(endMillis[i] - startMillis[i]) : null,
              task.estimatedDuration(),
              null,
              null,
              null,
              null,
              null));
    }
    Duration makespan = timeline.span();
    Double utilisation =
        makespan == null || makespan.isZero()
            ? null
            : timeline.busy() / ((double) Math.max(1, budget) * makespan.toMillis());
    Overview overview = timeline.overview(null, makespan, utilisation, null, null, null);
    return timeline.model(Kind.SIMULATION, rows, overview, 0);
  }

  private static void requireSameTasks(Plan plan, Set<String> summarised) {
    Set<String> missing = new TreeSet<>();
    plan.tasks().forEach(t -> missing.add(t.id()));
    Set<String> extra = new TreeSet<>(summarised);
    extra.removeAll(missing);
    missing.removeAll(summarised);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      throw new IllegalArgumentException(
          "the summary and the plan list different tasks: the summary lacks "
              + missing
              + " and has "
              + extra
              + ", which the plan lacks");
    }
  }

  /** Milliseconds of running time since the origin: the pauses before an instant do not count. */
  private record RunningClock(Instant origin, List<Pause> pauses) {

    long millis(Instant instant) {
      Duration running = Duration.between(origin, instant);
      for (Pause pause : pauses) {
        running = running.minus(pause.within(origin, instant));
      }
      return running.toMillis();
    }

    List<Resume> resumes() {
      return pauses.stream()
          .filter(p -> p.to().isAfter(origin))
          .map(p -> new Resume(millis(p.to()), Duration.between(p.from(), p.to())))
          .toList();
    }
  }
}
