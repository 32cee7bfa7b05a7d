package dev.orchestrator.run;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.output.TaskResult;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.TaskGraph;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every engine's run of a plan is given, local ({@link PlanExecution}) or remote ({@link
 * EngineRun}): the plan and its dispatch order, where the outputs go, the run's events, clock,
 * retries and journal, and the tasks completed before.
 *
 * @param directory the run's output directory, absolute
 * @param events hears the run's events; must not block (the dispatcher calls it under its lock)
 * @param completedBefore tasks completed in an earlier session with intact output (or, in a repair
 *     round, the run's completed tasks), by id in plan order; they count as done
 */
record ExecutionContext(
    Plan plan,
    Dispatch dispatch,
    Path directory,
    RunListener events,
    Clock clock,
    RetryPolicy retryPolicy,
    Journal journal,
    Map<String, TaskResult> completedBefore) {

  /** What the dispatcher needs besides the plan: the graph, searched order and file conflicts. */
  record Dispatch(TaskGraph graph, int[] rank, int[][] conflicts) {}

  ExecutionContext {
    requireNonNull(plan, "plan");
    requireNonNull(dispatch, "dispatch");
    directory = directory.toAbsolutePath().normalize();
    requireNonNull(events, "events");
    requireNonNull(clock, "clock");
    requireNonNull(retryPolicy, "retryPolicy");
    requireNonNull(journal, "journal");
    completedBefore = Collections.unmodifiableMap(new LinkedHashMap<>(completedBefore));
  }

  TaskGraph graph() {
    return dispatch.graph();
  }

  /** The name of the task at a position of the graph. */
  String name(int task) {
    return plan.tasks().get(task).name();
  }
}
