package dev.orchestrator.output.report;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.plan.PlanForecast;
import dev.orchestrator.usage.TokenUsage;
import java.time.Duration;

/**
 * The run-wide figures. Timeline figures are in the units of the timeline (measured for a run,
 * estimated for a simulation); {@code estimated*} figures are always plan estimates. Nullable
 * fields are null when the figure was not measured.
 *
 * @param wallTime start to end of the whole run; null for a simulation
 * @param makespan first task start to last task end; null if no task ran
 * @param utilisation busy time over executors × makespan, 0..1; null if no task ran
 * @param longestChain the longest dependency chain by the time each task worked, the sum of its
 *     attempts (a task that did not run counts 0)
 * @param busyTime the time all attempts took together
 * @param linesOfCode null for a simulation, like {@code filesCreated}
 * @param usage tokens and cost of the tasks that used a model; null if none did
 * @param earlierAttempts attempts made before the timeline's origin, by an earlier run that this
 *     one resumed; they are not on the timeline nor in its figures
 * @param forecast what {@code simulate} predicted for the plan before it ran; null when the plan
 *     carries no forecast
 */
public record Overview(
    int executors,
    Duration wallTime,
    Duration makespan,
    Double utilisation,
    Duration longestChain,
    Duration busyTime,
    Duration estimatedCriticalPath,
    Duration estimatedTotalWork,
    Integer filesCreated,
    Long linesOfCode,
    TokenUsage usage,
    int earlierAttempts,
    PlanForecast forecast) {

  public Overview {
    requireNonNull(longestChain, "longestChain");
    requireNonNull(busyTime, "busyTime");
    requireNonNull(estimatedCriticalPath, "estimatedCriticalPath");
    requireNonNull(estimatedTotalWork, "estimatedTotalWork");
  }

  /**
   * No schedule on M executors can be shorter: max(longest chain, busy time / M), the division
   * rounded up to the millisecond as {@code simulate} does.
   */
  public Duration lowerBound() {
    return bound(longestChain, busyTime, executors);
  }

  /** The same bound from the plan's estimates, in plan units. */
  public Duration estimatedLowerBound() {
    return bound(estimatedCriticalPath, estimatedTotalWork, executors);
  }

  private static Duration bound(Duration chain, Duration work, int executors) {
    long m = Math.max(1, executors);
    Duration share = Duration.ofMillis((work.toMillis() + m - 1) / m);
    return chain.compareTo(share) >= 0 ? chain : share;
  }
}
