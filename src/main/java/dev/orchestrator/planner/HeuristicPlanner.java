package dev.orchestrator.planner;

import dev.orchestrator.plan.Plan;

/** PLACEHOLDER so the build compiles while the heuristic planner is being written; replace whole. */
public final class HeuristicPlanner implements Planner {

  @Override
  public Plan plan(String requirements, int executorBudget) {
    throw new UnsupportedOperationException("placeholder");
  }
}
