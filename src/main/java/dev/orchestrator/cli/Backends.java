package dev.orchestrator.cli;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.agent.Agent;
import dev.orchestrator.llm.CostMeter;
import dev.orchestrator.output.Backend;
import dev.orchestrator.planner.Planner;
import java.util.function.IntFunction;

/**
 * The planner and the agents a run uses, as the options chose them, and the meter of what their
 * model requests cost.
 *
 * @param agents the agent of each executor, numbered from 1; null for a command that runs no task
 * @param meter counts every model request of the run; with {@code --max-cost} it says when the
 *     limit is reached
 * @param planner the planner; null for a command that makes no plan
 * @param plannerKind what the planner is, for the summary to name; null when there is none
 * @param executorKind what the agents are; null when there are none
 */
record Backends(
    Planner planner,
    IntFunction<Agent> agents,
    CostMeter meter,
    Backend plannerKind,
    Backend executorKind) {

  Backends {
    if ((planner == null) != (plannerKind == null)) {
      throw new IllegalArgumentException("planner and plannerKind go together");
    }
    if ((agents == null) != (executorKind == null)) {
      throw new IllegalArgumentException("agents and executorKind go together");
    }
    requireNonNull(meter, "meter");
  }
}
