package dev.orchestrator.planner;

import dev.orchestrator.plan.Plan;

/** Turns a requirement into a plan of dependent tasks. */
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
}
