package dev.orchestrator.llm;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.ConfigurationException;
import java.time.Duration;

/**
 * How a model request that failed in a transient way (429, 529, other 5xx, a timeout, a dropped
 * connection) is repeated: up to {@code maxRetries} more times, waiting before each the server's
 * {@code retry-after} when it sent one, else an exponential backoff with jitter. Permanent failures
 * (400, 401, 403, 404) are never repeated.
 *
 * @param maxRetries further attempts after the first, at least 0
 * @param initialDelay the backoff before the first retry; doubled for each later one
 * @param maxDelay the longest wait, also for a {@code retry-after}
 */
public record RequestRetry(int maxRetries, Duration initialDelay, Duration maxDelay) {

  /** Five retries from 1 s, doubling, at most 60 s apart. */
  public static final RequestRetry DEFAULT =
      new RequestRetry(5, Duration.ofSeconds(1), Duration.ofSeconds(60));

  // The backoff is multiplied by a factor in [1 - JITTER, 1] so that executors that failed
  // together do not retry together.
  private static final double JITTER = 0.25;

  public RequestRetry {
    if (maxRetries < 0) {
      throw new ConfigurationException("--request-retries must be 0 or more, was " + maxRetries);
    }
    requireNonNull(initialDelay, "initialDelay");
    requireNonNull(maxDelay, "maxDelay");
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException(
          "need 0 <= initialDelay <= maxDelay, was " + initialDelay + " and " + maxDelay);
    }
  }

  /**
   * Whether a request whose attempt {@code attempt} (1-based) failed transiently may be sent again.
   */
  public boolean allowsAnotherAfter(int attempt) {
    return attempt <= maxRetries;
  }

  /**
   * The wait before retry number {@code retry} (1 for the first).
   *
   * @param retryAfter what the server asked for, or null
   * @param random a number in [0, 1) that picks the jitter
   */
  public Duration delayBefore(int retry, Duration retryAfter, double random) {
    if (retryAfter != null && !retryAfter.isNegative()) {
      return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
    }
    int doublings = Math.min(Math.max(retry - 1, 0), 30);
    Duration backoff = initialDelay.multipliedBy(1L << doublings);
    if (backoff.compareTo(maxDelay) > 0 || backoff.isNegative()) {
      backoff = maxDelay;
    }
    return Duration.ofMillis(Math.round(backoff.toMillis() * (1 - JITTER * random)));
  }
}
