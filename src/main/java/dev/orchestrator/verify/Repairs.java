package dev.orchestrator.verify;

import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import java.util.List;
import java.util.Optional;

/**
 * Runs fix tasks the way the run runs any task (the same queue, agents, journal and events) and
 * consolidates the project again. The run provides it; the verify step only decides what to fix.
 */
@FunctionalInterface
public interface Repairs {

  /**
   * Runs the fix tasks after the tasks of the plan.
   *
   * @param plan the plan in effect, whose completed tasks the fixes build on
   * @param fixes new tasks, one per owner of failing files
   * @return the plan now in effect (with the fix tasks), or empty when the run was stopped or
   *     cancelled before they all ran
   * @throws InterruptedException if interrupted; running agents have been ended
   */
  Optional<Plan> repair(Plan plan, List<Task> fixes) throws InterruptedException;

  /** No repairs: the verify step only verifies. */
  Repairs NONE = (plan, fixes) -> Optional.empty();
}
