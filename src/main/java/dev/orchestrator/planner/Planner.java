package dev.orchestrator.planner;

import dev.orchestrator.UsageException;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.planner.repository.RepositoryMap;
import dev.orchestrator.usage.TokenUsage;

/**
 * Turns a requirement into a plan of dependent tasks: for a new project, or for changing an
 * existing repository that a {@link RepositoryMap} describes.
 */
public interface Planner {

  /**
   * Plans the work for one requirement.
   *
   * @param requirements the requirement in plain words, not blank
   * @param executorBudget the number of executors that will run the plan (M); the plan may have
   *     more tasks than that
   * @return a plan that {@link dev.orchestrator.plan.PlanValidator} accepts
   * @throws dev.orchestrator.OrchestratorException when no valid plan can be made
   */
  Plan plan(String requirements, int executorBudget);

  /**
   * Plans the change one requirement asks of an existing repository: the tasks' {@code files} claim
   * existing paths of the repository to change and new paths to create, inside it and never under
   * {@code .git}; tasks that may run at the same time claim disjoint files.
   *
   * @param repository the repository's map, as {@link RepositoryMap#read} made it
   * @return a plan that {@link dev.orchestrator.plan.PlanValidator} accepts
   * @throws dev.orchestrator.OrchestratorException when no valid plan can be made
   */
  Plan plan(String requirements, int executorBudget, RepositoryMap repository);

  /**
   * What the planning this planner did so far spent on models, failed requests included; null for a
   * planner that uses none.
   */
  default TokenUsage usage() {
    return null;
  }

  /**
   * The arguments every planner checks first.
   *
   * @return the requirement without surrounding blanks
   * @throws UsageException if the requirement is blank or the budget is below one executor
   */
  static String checkedRequirement(String requirements, int executorBudget) {
    if (requirements == null || requirements.isBlank()) {
      throw new UsageException(
          "the requirement is empty; describe what to build in plain words, e.g. \"Build a todo"
              + " list app with backend API and frontend UI\"");
    }
    if (executorBudget < 1) {
      throw new UsageException(
          "the executor budget is " + executorBudget + "; use 1 or more executors");
    }
    return requirements.strip();
  }
}
