package dev.orchestrator.planner;

import dev.orchestrator.plan.EstimatedDuration;
import dev.orchestrator.plan.TaskGraph;
import java.time.Duration;

/**
 * Says how a plan's tasks spread over M executors, with figures computed from its task graph only:
 * the critical path, the total work, the lower bound they set on the run, and the widest level.
 */
final class ExecutionStrategy {

  private ExecutionStrategy() {}

  /**
   * One or two sentences about running the graph on the given number of executors.
   *
   * @param graph a DAG with at least one task
   */
  static String describe(TaskGraph graph, int executors) {
    long criticalPath = graph.criticalPathLength();
    long totalWork = graph.totalWork();
    long perExecutor = ceilToMinute((totalWork + executors - 1) / executors);
    long bound = Math.max(criticalPath, perExecutor);
    int widest = widestLevel(graph);
    String spread =
        String.format(
            "%s %s %s from one ready queue. The critical path %s takes %s of %s total work, so"
                + " the run needs at least %s (the longer of the critical path and total work / %d"
                + " = %s).",
            count(executors, "executor"),
            executors == 1 ? "pulls" : "pull",
            count(graph.size(), "task"),
            String.join(" -> ", graph.criticalPath()),
            format(criticalPath),
            format(totalWork),
            format(bound),
            executors,
            format(perExecutor));
    String width;
    if (widest == 1) {
      width = " The tasks form one chain, so they run one after another.";
    } else if (widest <= executors) {
      width = " The widest dependency level has " + widest + " tasks; all can run at once.";
    } else {
      width =
          " The widest dependency level has "
              + widest
              + " tasks; there ready tasks wait for a free executor and faster executors take"
              + " more of them.";
    }
    return spread + width;
  }

  // Level of a task: 1 without dependencies, else one more than its deepest dependency.
  private static int widestLevel(TaskGraph graph) {
    int[] level = new int[graph.size()];
    int[] perLevel = new int[graph.size() + 1];
    int widest = 0;
    for (int task : graph.topologicalOrder()) {
      int deepest = 0;
      for (int dependency : graph.dependencies(task)) {
        deepest = Math.max(deepest, level[dependency]);
      }
      level[task] = deepest + 1;
      widest = Math.max(widest, ++perLevel[level[task]]);
    }
    return widest;
  }

  private static long ceilToMinute(long millis) {
    long minute = Duration.ofMinutes(1).toMillis();
    return (millis + minute - 1) / minute * minute;
  }

  private static String format(long millis) {
    return EstimatedDuration.format(Duration.ofMillis(millis));
  }

  private static String count(int n, String noun) {
    return n + " " + (n == 1 ? noun : noun + "s");
  }
}
