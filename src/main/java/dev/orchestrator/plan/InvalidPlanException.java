package dev.orchestrator.plan;

import dev.orchestrator.UsageException;
import java.util.List;

/** A plan that cannot be run; carries every problem found, each naming the task and the fix. */
public class InvalidPlanException extends UsageException {

  private final List<String> problems;

  public InvalidPlanException(String source, List<String> problems) {
    super(describe(source, problems));
    this.problems = List.copyOf(problems);
  }

  public InvalidPlanException(String source, String problem, Throwable cause) {
    super(describe(source, List.of(problem)), cause);
    this.problems = List.of(problem);
  }

  /** Each problem on its own, in the order found. */
  public List<String> problems() {
    return problems;
  }

  private static String describe(String source, List<String> problems) {
    if (problems.size() == 1) {
      return "invalid plan (" + source + "): " + problems.get(0);
    }
    StringBuilder text =
        new StringBuilder("invalid plan (" + source + "), " + problems.size() + " problems:");
    problems.forEach(p -> text.append("\n  - ").append(p));
    return text.toString();
  }
}
