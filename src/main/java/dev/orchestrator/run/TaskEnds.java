package dev.orchestrator.run;

import dev.orchestrator.agent.AgentResult;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.plan.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * How each task of one run ended, by position, whichever engine ran it. Announces each end as a
 * {@link RunEvent} and gives one result per task of the plan, so that a local and a remote run
 * report their tasks alike. Thread-safe: each task's end is set by the one thread that ended it.
 */
final class TaskEnds {

  private final ExecutionContext context;
  private final TaskGraph graph;
  private final Map<String, TaskResult> completedBefore;
  private final AtomicReferenceArray<TaskResult> ends;

  TaskEnds(ExecutionContext context) {
    this.context = context;
    this.graph = context.graph();
    this.completedBefore = context.completedBefore();
    this.ends = new AtomicReferenceArray<>(graph.size());
  }

  /** Whether the task completed in an earlier run or its attempts in this one are recorded. */
  boolean ran(int task) {
    TaskResult end = ends.get(task);
    return completedBefore.containsKey(graph.id(task))
        || (end != null && end.status() != TaskStatus.SKIPPED);
  }

  boolean skipped(int task) {
    TaskResult end = ends.get(task);
    return end != null && end.status() == TaskStatus.SKIPPED;
  }

  /** Records how the task's attempts went; {@link #announceEnd} tells the listener. */
  void record(int task, TaskResult result) {
    ends.set(task, result);
  }

  /**
   * Announces the end of the task's recorded run: {@link RunEvent.TaskCompleted} if it completed,
   * else {@link RunEvent.TaskFailed}.
   */
  void announceEnd(int task, int executor) {
    TaskResult end = ends.get(task);
    context
        .events()
        .on(
            end.status() == TaskStatus.COMPLETED
                ? new RunEvent.TaskCompleted(
                    end.finishedAt(),
                    end.taskId(),
                    end.name(),
                    executor,
                    end.duration(),
                    end.outputFiles().size(),
                    end.details().get(AgentResult.REFUSED))
                : new RunEvent.TaskFailed(
                    end.finishedAt(),
                    end.taskId(),
                    end.name(),
                    executor,
                    end.duration(),
                    end.error()));
  }

  /** Records that the task will not run and announces {@link RunEvent.TaskSkipped}. */
  void skip(int task, String reason) {
    TaskResult skipped =
        TaskResult.notRun(graph.id(task), context.name(task), TaskStatus.SKIPPED, reason);
    ends.set(task, skipped);
    context
        .events()
        .on(
            new RunEvent.TaskSkipped(
                context.clock().instant(), skipped.taskId(), skipped.name(), reason));
  }

  /**
   * One result per task in plan order: completed earlier, or as its end was recorded; any other
   * task was not started.
   */
  List<TaskResult> results() {
    List<TaskResult> results = new ArrayList<>();
    for (int t = 0; t < graph.size(); t++) {
      TaskResult earlier = completedBefore.get(graph.id(t));
      TaskResult end = ends.get(t);
      results.add(
          earlier != null
              ? earlier
              : end != null
                  ? end
                  : TaskResult.notRun(graph.id(t), context.name(t), TaskStatus.NOT_STARTED, null));
    }
    return results;
  }

  String name(int task) {
    return context.name(task);
  }
}
