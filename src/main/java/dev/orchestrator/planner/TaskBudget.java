package dev.orchestrator.planner;

import dev.orchestrator.plan.Complexity;

/**
 * How many tasks a plan of a complexity band has, after the original tool's budget table: simple 1
 * to 3, moderate 4 to 8, complex 9 to 15, very complex 16 or more.
 *
 * @param max inclusive; {@link Integer#MAX_VALUE} when the band has no upper limit
 */
record TaskBudget(int min, int max) {

  TaskBudget {
    if (min < 1 || max < min) {
      throw new IllegalArgumentException(
          "a task budget needs 1 <= min <= max, was " + min + ".." + max);
    }
  }

  /** The budget of the complexity's band; {@link Complexity#band()} owns the score thresholds. */
  static TaskBudget of(Complexity complexity) {
    switch (complexity.band()) {
      case "simple":
        return new TaskBudget(1, 3);
      case "moderate":
        return new TaskBudget(4, 8);
      case "complex":
        return new TaskBudget(9, 15);
      case "very complex":
        return new TaskBudget(16, Integer.MAX_VALUE);
      default:
        throw new IllegalStateException("no task budget for the band " + complexity.band());
    }
  }

  /**
   * This budget with its upper limit lowered to {@code ceiling}, if it is higher.
   *
   * @throws IllegalArgumentException if the ceiling is below the minimum
   */
  TaskBudget atMost(int ceiling) {
    return new TaskBudget(min, Math.min(max, ceiling));
  }

  boolean contains(int tasks) {
    return tasks >= min && tasks <= max;
  }

  /** "9 to 15 tasks", "16 or more tasks". */
  String describe() {
    return max == Integer.MAX_VALUE ? min + " or more tasks" : min + " to " + max + " tasks";
  }
}
