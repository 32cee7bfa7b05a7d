package dev.orchestrator.plan;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tasks that satisfy one requirement and the order constraints between them.
 *
 * <p>A plan as constructed is not necessarily runnable: {@link PlanValidator} checks ids, ranges
 * and that the dependencies form a DAG.
 *
 * @param executorBudget the number of executors the plan was made for (M)
 * @param dependencies task id to the ids it waits for; tasks without dependencies may be absent
 */
public record Plan(
    String requirements,
    Complexity complexity,
    int executorBudget,
    String executionModel,
    List<Task> tasks,
    Map<String, List<String>> dependencies,
    String executionStrategy,
    String notes) {

  public static final String TASK_QUEUE = "task_queue";

  public Plan {
    requireNonNull(requirements, "requirements");
    requireNonNull(complexity, "complexity");
    requireNonNull(executionModel, "executionModel");
    requireNonNull(executionStrategy, "executionStrategy");
    requireNonNull(notes, "notes");
    tasks = List.copyOf(tasks);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    dependencies.forEach((id, deps) -> copy.put(id, List.copyOf(deps)));
    dependencies = java.util.Collections.unmodifiableMap(copy);
  }

  /** The ids the task waits for, empty when it has none. */
  public List<String> dependenciesOf(String taskId) {
    return dependencies.getOrDefault(taskId, List.of());
  }

  /** This plan with another executor budget. */
  public Plan withExecutorBudget(int budget) {
    return new Plan(
        requirements,
        complexity,
        budget,
        executionModel,
        tasks,
        dependencies,
        executionStrategy,
        notes);
  }
}
