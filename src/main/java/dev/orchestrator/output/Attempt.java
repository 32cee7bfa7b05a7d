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
 * @param worker the worker process ({@code host:pid}) that ran it under {@code --engine temporal};
 *     null in a local run, where every attempt runs in the run's own process
 */
public record Attempt(
    int number,
    int executorId,
    Instant startedAt,
    Instant finishedAt,
    Outcome outcome,
    String error,
    String worker) {

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

  /** An attempt of a local run, which has no worker of its own. */
  public Attempt(
      int number,
      int executorId,
      Instant startedAt,
      Instant finishedAt,
      Outcome outcome,
      String error) {
    this(number, executorId, startedAt, finishedAt, outcome, error, null);
  }

  public Duration duration() {
    return Duration.between(startedAt, finishedAt);
  }
}
