package dev.orchestrator.run;

import dev.orchestrator.agent.AgentResult;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.plan.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * How each task of one run ended, by position, whichever engine ran it: how its attempts went, or
 * why it was skipped. Announces each end as a {@link RunEvent} and makes one result per task of the
 * plan, so that a local and a remote run report their tasks alike. Thread-safe: each task's end is
 * set by the one thread that ended it.
 */
final class TaskEnds {

  private final Plan plan;
  private final TaskGraph graph;
  private final RunListener listener;
  private final Clock clock;
  private final Map<String, CompletedTask> completedBefore;
  private final AtomicReferenceArray<TaskRun> runs;
  private final AtomicReferenceArray<String> skipReasons;

  /**
   * @param completedBefore tasks completed in an earlier run, by id; they count as completed
   */
  TaskEnds(
      Plan plan,
      TaskGraph graph,
      RunListener listener,
      Clock clock,
      Map<String, CompletedTask> completedBefore) {
    this.plan = plan;
    this.graph = graph;
    this.listener = listener;
    this.clock = clock;
    this.completedBefore = completedBefore;
    this.runs = new AtomicReferenceArray<>(graph.size());
    this.skipReasons = new AtomicReferenceArray<>(graph.size());
  }

  /** Whether the task completed in an earlier run or its attempts in this one are recorded. */
  boolean ran(int task) {
    return completedBefore.containsKey(graph.id(task)) || runs.get(task) != null;
  }

  boolean skipped(int task) {
    return skipReasons.get(task) != null;
  }

  /** Records how the task's attempts went; {@link #announceEnd} tells the listener. */
  void record(int task, TaskRun run) {
    runs.set(task, run);
  }

  /**
   * Announces the end of the task's recorded run: {@link RunEvent.TaskCompleted} if it completed,
   * else {@link RunEvent.TaskFailed}.
   */
  void announceEnd(int task, int executor) {
    TaskRun run = runs.get(task);
    Instant end = run.lastAttempt().finishedAt();
    Duration duration = Duration.between(run.attempts().get(0).startedAt(), end);
    listener.on(
        run.outcome() == TaskRun.Outcome.COMPLETED
            ? new RunEvent.TaskCompleted(
                end,
                graph.id(task),
                name(task),
                executor,
                duration,
                run.files().size(),
                run.output().result().details().get(AgentResult.REFUSED))
            : new RunEvent.TaskFailed(
                end, graph.id(task), name(task), executor, duration, run.error()));
  }

  /** Records that the task will not run and announces {@link RunEvent.TaskSkipped}. */
  void skip(int task, String reason) {
    skipReasons.set(task, reason);
    listener.on(new RunEvent.TaskSkipped(clock.instant(), graph.id(task), name(task), reason));
  }

  /**
   * One result per task in plan order: completed earlier, or as its run or skip was recorded; any
   * other task, a cancelled one included, was not started.
   */
  List<TaskResult> results() {
    List<TaskResult> results = new ArrayList<>();
    for (int t = 0; t < graph.size(); t++) {
      String id = graph.id(t);
      CompletedTask earlier = completedBefore.get(id);
      TaskRun run = runs.get(t);
      if (earlier != null) {
        results.add(TaskResults.of(earlier));
      } else if (run != null) {
        TaskStatus status =
            switch (run.outcome()) {
              case COMPLETED -> TaskStatus.COMPLETED;
              case CANCELLED -> TaskStatus.NOT_STARTED;
              default -> TaskStatus.FAILED;
            };
        results.add(TaskResults.of(id, status, run, null));
      } else if (skipped(t)) {
        results.add(TaskResults.of(id, TaskStatus.SKIPPED, null, skipReasons.get(t)));
      } else {
        results.add(TaskResults.of(id, TaskStatus.NOT_STARTED, null, null));
      }
    }
    return results;
  }

  String name(int task) {
    return plan.tasks().get(task).name();
  }
}
