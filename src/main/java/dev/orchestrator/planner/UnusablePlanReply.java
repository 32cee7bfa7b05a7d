package dev.orchestrator.planner;

import dev.orchestrator.plan.InvalidPlanException;
import java.util.List;

/**
 * A model's replies could not be made into a valid plan, even after the repair rounds that told it
 * what was wrong. Carries the problems of its last reply (exit code 2).
 */
public class UnusablePlanReply extends InvalidPlanException {

  /**
   * @param source who planned: "language-model planner", "Claude Code planner"
   * @param step the planning step that failed: "complexity analysis" or "plan"
   * @param rounds how many repair rounds were tried
   */
  public UnusablePlanReply(String source, String step, int rounds, List<String> problems) {
    super(
        source
            + ", "
            + step
            + ", still wrong after "
            + rounds
            + " repair round"
            + (rounds == 1 ? "" : "s")
            + "; plan offline with --planner heuristic, or write a plan and run it with run"
            + " --plan",
        problems);
  }
}
