package dev.orchestrator.plan;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What {@code simulate} predicts for a plan before it runs, as written into {@code
 * execution_plan.json}'s optional {@code forecast} field: the predicted makespan on the plan's
 * executors when every task takes its estimate, the speed-up over one executor (total work /
 * predicted makespan) and the executor budget {@code simulate --sweep 1..N} recommends.
 *
 * @param executors M, the budget the makespan is predicted for
 * @param makespan predicted, in the plan's estimated units
 * @param speedup total work / makespan, rounded to two decimals
 * @param recommendedExecutors the fewest executors within 5% of the best makespan from 1 to the
 *     number of tasks
 */
public record PlanForecast(
    int executors, Duration makespan, double speedup, int recommendedExecutors) {

  public PlanForecast {
    if (executors < 1 || recommendedExecutors < 1) {
      throw new IllegalArgumentException(
          "executor counts must be at least 1, were " + executors + " and " + recommendedExecutors);
    }
    requireNonNull(makespan, "makespan");
    if (makespan.isNegative() || speedup < 0) {
      throw new IllegalArgumentException("a forecast cannot be negative");
    }
    speedup = Math.round(speedup * 100) / 100.0;
  }
}
