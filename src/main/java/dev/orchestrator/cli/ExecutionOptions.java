package dev.orchestrator.cli;

import dev.orchestrator.run.RetryPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The limits of a run's task attempts: time, retries, and what the model requests may cost. */
final class ExecutionOptions {

  // Later retries wait twice as long as the one before, up to this.
  private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);

  @Option(
      names = "--task-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Time limit of one attempt at a task, e.g. 90s, 10min (default: none).")
  Duration taskTimeout;

  @Option(
      names = "--retries",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Further attempts for a task whose attempt failed in a retryable way (crash, timeout,"
              + " transient provider error); permanent failures are not retried (default:"
              + " ${DEFAULT-VALUE}).")
  int retries;

  @Option(
      names = "--retry-backoff",
      paramLabel = "DURATION",
      defaultValue = "1s",
      converter = DurationConverter.class,
      description =
          "Wait before the first retry, doubled for each later one, at most 30s (default:"
              + " ${DEFAULT-VALUE}).")
  Duration retryBackoff;

  @Option(
      names = "--max-cost",
      paramLabel = "USD",
      description =
          "Stop dispatching tasks once the model requests have cost this much; running tasks"
              + " finish, the rest are not started (exit code 1).")
  BigDecimal maxCost;

  RetryPolicy retryPolicy() {
    return new RetryPolicy(taskTimeout, retries, retryBackoff, LONGEST_BACKOFF);
  }
}
