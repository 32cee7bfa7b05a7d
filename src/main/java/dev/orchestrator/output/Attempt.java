package dev.orchestrator.output;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One attempt at a task, as it happened.
 *
 * @param number 1 for the first attempt
 * @param executorId 1-based executor that ran it
 * @param error why it did not complete; null when it completed
 */
public record Attempt(
    int number,
    int executorId,
    Instant startedAt,
    Instant finishedAt,
    Outcome outcome,
    String error) {

  /** How an attempt ended. */
  public enum Outcome {
    COMPLETED,
    FAILED,
    TIMED_OUT,
    CANCELLED;

    /** The spelling used in summaries and the journal: {@code timed_out}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromLabel(String label) {
      return valueOf(label.toUpperCase(Locale.ROOT));
    }
  }

  public Attempt {
    requireNonNull(startedAt, "startedAt");
    requireNonNull(finishedAt, "finishedAt");
    requireNonNull(outcome, "outcome");
  }

  public Duration duration() {
    return Duration.between(startedAt, finishedAt);
  }
}
