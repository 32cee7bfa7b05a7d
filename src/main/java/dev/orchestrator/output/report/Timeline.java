package dev.orchestrator.output.report;

import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.usage.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The bars of a plan's tasks as they are added, by executor, and each task's working time. */
final class Timeline {
  private final Plan plan;
  private final int budget;
  private final long[] work;
  private final List<List<Bar>> lanes = new ArrayList<>();
  private int earlierAttempts;
  int sessions = 1; // set by the caller when the run had several
  private long firstStart = Long.MAX_VALUE;
  private long lastEnd = -1;

  Timeline(Plan plan, int budget) {
    this.plan = plan;
    this.budget = budget;
    this.work = new long[plan.tasks().size()];
    for (int e = 0; e < budget; e++) {
      lanes.add(new ArrayList<>());
    }
  }

  void add(int task, int executor, Bar bar) {
    if (executor < 1) {
      throw new IllegalArgumentException(bar.taskId() + " ran on executor " + executor);
    }
    while (lanes.size() < executor) {
      lanes.add(new ArrayList<>());
    }
    lanes.get(executor - 1).add(bar);
    work[task] += bar.durationMillis();
    firstStart = Math.min(firstStart, bar.startMillis());
    lastEnd = Math.max(lastEnd, bar.endMillis());
  }

  /** An attempt made before the origin, by a run this one resumed: counted, not drawn. */
  void addEarlier() {
    earlierAttempts++;
  }

  /** First start to last end; null if nothing ran. */
  Duration span() {
    return lastEnd < 0 ? null : Duration.ofMillis(lastEnd - firstStart);
  }

  long busy() {
    return Arrays.stream(work).sum();
  }

  Overview overview(
      Duration wall,
      Duration makespan,
      Double utilisation,
      Integer files,
      Long lines,
      TokenUsage usage) {
    TaskGraph estimated = TaskGraph.of(plan);
    int[][] dependencies = new int[work.length][];
    for (int i = 0; i < work.length; i++) {
      dependencies[i] = estimated.dependencies(i);
    }
    // The same chain computation as the plan's, over the time each task actually worked.
    long chain = TaskGraph.ofIndices(dependencies, work).criticalPathLength();
    return new Overview(
        budget,
        wall,
        makespan,
        utilisation,
        Duration.ofMillis(chain),
        Duration.ofMillis(busy()),
        Duration.ofMillis(estimated.criticalPathLength()),
        Duration.ofMillis(estimated.totalWork()),
        files,
        lines,
        usage,
        earlierAttempts,
        plan.forecast(),
        sessions);
  }

  ReportModel model(ReportModel.Kind kind, List<TaskRow> rows, Overview overview, long axisEnd) {
    List<Lane> laneList = new ArrayList<>();
    for (int e = 0; e < lanes.size(); e++) {
      laneList.add(new Lane(e + 1, lanes.get(e)));
    }
    List<ReportModel.Edge> edges = new ArrayList<>();
    for (Task task : plan.tasks()) {
      plan.dependenciesOf(task.id()).stream()
          .distinct()
          .forEach(d -> edges.add(new ReportModel.Edge(d, task.id())));
    }
    return new ReportModel(
        kind,
        plan.requirements(),
        overview,
        rows,
        edges,
        TaskGraph.of(plan).criticalPath(),
        laneList,
        Math.max(1, Math.max(axisEnd, lastEnd)),
        // A schedule's model: a run's verify step, backends and resumes are added by
        // ReportModel.fromRun, its repository by RunReport.writeRun and RunReport.rerender.
        null,
        null,
        null,
        List.of(),
        null);
  }
}
