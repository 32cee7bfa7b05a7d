package dev.orchestrator.planner;

import dev.orchestrator.plan.InvalidPlanException;
import java.util.List;

/**
 * The language model's replies could not be made into a valid plan, even after the repair rounds
 * that told it what was wrong. Carries the problems of its last reply (exit code 2).
 */
public class UnusablePlanReply extends InvalidPlanException {

  /**
   * @param step the planning step that failed: "complexity analysis" or "plan"
   * @param rounds how many repair rounds were tried
   */
  public UnusablePlanReply(String step, int rounds, List<String> problems) {
    super(
        "language-model planner, "
            + step
            + ", still wrong after "
            + rounds
            + " repair round"
            + (rounds == 1 ? "" : "s"),
        problems);
  }
}
