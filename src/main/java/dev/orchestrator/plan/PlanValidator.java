package dev.orchestrator.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that a plan can be run: every task identified and in range, dependencies naming known
 * tasks, and no cycle. Reports every problem found, each naming the task and what to fix.
 */
public final class PlanValidator {

  private PlanValidator() {}

  /**
   * Returns the plan when it is valid.
   *
   * @param source where the plan came from, for the message (a file name, "planner")
   * @throws InvalidPlanException listing every problem
   */
  public static Plan requireValid(Plan plan, String source) {
    List<String> problems = problems(plan);
    if (!problems.isEmpty()) {
      throw new InvalidPlanException(source, problems);
    }
    return plan;
  }

  /** The problems of one task on its own (name, ranges), empty when there are none. */
  public static List<String> problemsOf(Task task) {
    List<String> problems = new ArrayList<>();
    if (task.name().isBlank()) {
      problems.add(task.id() + " has an empty name; give it a short name");
    }
    if (task.priority() < Task.HIGHEST_PRIORITY || task.priority() > Task.LOWEST_PRIORITY) {
      problems.add(
          task.id() + " has priority " + task.priority() + "; use 1 (highest) to 5 (lowest)");
    }
    if (task.estimatedDuration().isNegative()) {
      problems.add(task.id() + " has a negative estimated_duration; use e.g. \"30min\"");
    }
    return problems;
  }

  /** Every problem of the plan, empty when it is valid. */
  public static List<String> problems(Plan plan) {
    List<String> problems = new ArrayList<>();
    if (plan.tasks().isEmpty()) {
      problems.add("the plan has no tasks; add at least one task");
    }
    if (plan.executorBudget() < 1) {
      problems.add("executor_budget is " + plan.executorBudget() + "; use 1 or more executors");
    }
    Map<String, Integer> uses = new HashMap<>();
    boolean graphKnown = true;
    for (int i = 0; i < plan.tasks().size(); i++) {
      Task task = plan.tasks().get(i);
      if (task.id().isBlank()) {
        problems.add(
            "task #" + (i + 1) + " has an empty id; give it a unique id such as task_" + (i + 1));
        graphKnown = false;
        continue;
      }
      uses.merge(task.id(), 1, Integer::sum);
      problems.addAll(problemsOf(task));
    }
    uses.forEach(
        (id, count) -> {
          if (count > 1) {
            problems.add(
                "task id " + id + " is used by " + count + " tasks; give each task its own id");
          }
        });
    graphKnown &= uses.values().stream().allMatch(count -> count == 1);
    Set<String> ids = new HashSet<>(uses.keySet());
    for (Map.Entry<String, List<String>> entry : plan.dependencies().entrySet()) {
      String id = entry.getKey();
      if (!ids.contains(id)) {
        problems.add(
            "dependencies lists "
                + id
                + ", which is not in the plan; add the task or remove the entry");
        graphKnown = false;
        continue;
      }
      for (String dependency : entry.getValue()) {
        if (dependency.equals(id)) {
          problems.add(id + " depends on itself; remove " + id + " from its own dependencies");
          graphKnown = false;
        } else if (!ids.contains(dependency)) {
          problems.add(
              id
                  + " depends on "
                  + dependency
                  + ", which is not in the plan; add "
                  + dependency
                  + " or remove the dependency");
          graphKnown = false;
        }
      }
    }
    if (graphKnown && !plan.tasks().isEmpty()) {
      TaskGraph.of(plan)
          .findCycle()
          .ifPresent(
              cycle ->
                  problems.add(
                      "dependency cycle "
                          + String.join(" -> ", cycle)
                          + "; remove one of these dependencies"));
    }
    return problems;
  }
}
