package dev.orchestrator.run;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.UsageException;
import java.time.Duration;

/**
 * How attempts at a task are bounded and repeated: a time limit per attempt, and how many more
 * attempts a retryable failure (an agent crash, a timeout, a transient provider error) gets,
 * waiting longer before each. Permanent failures are never retried.
 *
 * @param taskTimeout time limit of one attempt; null for none
 * @param retries further attempts after the first, at least 0
 * @param initialBackoff wait before the first retry; doubled for each later one
 * @param maxBackoff longest wait between attempts
 */
public record RetryPolicy(
    Duration taskTimeout, int retries, Duration initialBackoff, Duration maxBackoff) {

  /** One attempt, no time limit. */
  public static final RetryPolicy NONE =
      new RetryPolicy(null, 0, Duration.ofSeconds(1), Duration.ofSeconds(30));

  public RetryPolicy {
    if (taskTimeout != null && (taskTimeout.isZero() || taskTimeout.isNegative())) {
      throw new UsageException("--task-timeout must be positive, was " + taskTimeout);
    }
    if (retries < 0) {
      throw new UsageException("--retries must be 0 or more, was " + retries);
    }
    requireNonNull(initialBackoff, "initialBackoff");
    requireNonNull(maxBackoff, "maxBackoff");
  }

  /** Why a task failed for good: the last attempt's error, and how many there were when several. */
  public static String finalError(String error, int attempts) {
    return attempts > 1 ? error + " (after " + attempts + " attempts)" : error;
  }

  /** Whether a failed attempt with this number may be followed by another. */
  public boolean allowsAnotherAfter(int attempt) {
    return attempt <= retries;
  }

  /**
   * The wait before attempt {@code attempt} (2 or more): the initial backoff doubled per retry,
   * capped.
   */
  public Duration backoffBefore(int attempt) {
    int doublings = Math.min(Math.max(attempt - 2, 0), 30);
    Duration wait = initialBackoff.multipliedBy(1L << doublings);
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
