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
 * @param forecast what {@code simulate} predicts for it on {@code executorBudget} executors; null
 *     when not forecast
 */
public record Plan(
    String requirements,
    Complexity complexity,
    int executorBudget,
    String executionModel,
    List<Task> tasks,
    Map<String, List<String>> dependencies,
    String executionStrategy,
    String notes,
    PlanForecast forecast) {

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

  /** This plan with a forecast for its executor budget. */
  public Plan withForecast(PlanForecast newForecast) {
    return new Plan(
        requirements,
        complexity,
        executorBudget,
        executionModel,
        tasks,
        dependencies,
        executionStrategy,
        notes,
        newForecast);
  }

  /** This plan with another executor budget; a forecast for the old budget is dropped. */
  public Plan withExecutorBudget(int budget) {
    if (budget == executorBudget) {
      return this;
    }
    return new Plan(
        requirements,
        complexity,
        budget,
        executionModel,
        tasks,
        dependencies,
        executionStrategy,
        notes,
        null);
  }
}
