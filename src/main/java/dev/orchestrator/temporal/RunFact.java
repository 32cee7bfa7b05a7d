package dev.orchestrator.temporal;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Something the workflow decided or learnt that the coordinator must hear: the workflow sends them
 * in order, in batches, to the coordinator's {@link Ledger}. One record for every kind (rather than
 * a sealed hierarchy) so that it crosses Temporal's JSON converter without type tags.
 *
 * @param atMillis workflow time of the decision
 * @param attempt the attempt number (started, retrying)
 * @param error why an attempt or the task failed, or why the task was skipped
 * @param backoffMillis wait before the next attempt (retrying)
 * @param delivery the completing attempt's output (completed)
 * @param attempts every attempt (completed, failed, cancelled)
 */
public record RunFact(
    Kind kind,
    String taskId,
    int slot,
    long atMillis,
    int attempt,
    String error,
    long backoffMillis,
    TaskDelivery delivery,
    List<AttemptRecord> attempts) {

  /** What happened. */
  public enum Kind {
    QUEUED,
    STARTED,
    RETRYING,
    COMPLETED,
    FAILED,
    SKIPPED,
    /** The run was cancelled while the task ran or waited to retry: it counts as not started. */
    CANCELLED
  }

  public RunFact {
    requireNonNull(kind, "kind");
    requireNonNull(taskId, "taskId");
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }

  static RunFact queued(String taskId, long at) {
    return new RunFact(Kind.QUEUED, taskId, 0, at, 0, null, 0, null, List.of());
  }

  static RunFact started(String taskId, int slot, long at) {
    return new RunFact(Kind.STARTED, taskId, slot, at, 1, null, 0, null, List.of());
  }

  static RunFact retrying(
      String taskId, int slot, long at, int failedAttempt, String error, long backoffMillis) {
    return new RunFact(
        Kind.RETRYING, taskId, slot, at, failedAttempt, error, backoffMillis, null, List.of());
  }

  static RunFact completed(
      String taskId, int slot, long at, TaskDelivery delivery, List<AttemptRecord> attempts) {
    return new RunFact(Kind.COMPLETED, taskId, slot, at, 0, null, 0, delivery, attempts);
  }

  static RunFact failed(
      String taskId, int slot, long at, String error, List<AttemptRecord> attempts) {
    return new RunFact(Kind.FAILED, taskId, slot, at, 0, error, 0, null, attempts);
  }

  static RunFact cancelled(String taskId, int slot, long at, List<AttemptRecord> attempts) {
    return new RunFact(Kind.CANCELLED, taskId, slot, at, 0, "cancelled", 0, null, attempts);
  }

  static RunFact skipped(String taskId, long at, String reason) {
    return new RunFact(Kind.SKIPPED, taskId, 0, at, 0, reason, 0, null, List.of());
  }

  /** The payload bytes this fact adds to a ledger batch. */
  long payloadBytes() {
    return delivery == null ? 0 : delivery.files().payloadBytes();
  }
}
