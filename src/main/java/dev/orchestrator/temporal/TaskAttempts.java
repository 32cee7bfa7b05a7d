package dev.orchestrator.temporal;

import dev.orchestrator.output.Attempt;
import dev.orchestrator.run.RetryPolicy;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The attempts at one task inside the run's workflow: retried by the run's {@link RetryPolicy}
 * (Temporal retries only attempts whose worker was lost), and ended as a local run ends them when
 * the run is cancelled. Workflow code: deterministic, time is the workflow's.
 */
final class TaskAttempts {

  /** A task's end: completed (a delivery), failed (an error) or cancelled. */
  record End(
      int task,
      int slot,
      TaskDelivery delivery,
      String error,
      List<AttemptRecord> attempts,
      boolean cancelled) {}

  private final TaskActivity tasks;
  private final RetryPolicy policy;
  private final long timeoutMillis;
  private final Deque<RunFact> pending;
  private final BooleanSupplier cancelled;
  private final Consumer<AttemptRecord> ended;

  /**
   * @param pending where the retry facts go, in order with the run's other facts
   * @param cancelled whether the run was cancelled
   * @param ended told each attempt a worker ended, as soon as its result is in the history, before
   *     the task's end or next attempt: what it spent counts against {@code --max-cost} at once
   */
  TaskAttempts(
      TaskActivity tasks,
      RetryPolicy policy,
      long timeoutMillis,
      Deque<RunFact> pending,
      BooleanSupplier cancelled,
      Consumer<AttemptRecord> ended) {
    this.tasks = tasks;
    this.policy = policy;
    this.timeoutMillis = timeoutMillis;
    this.pending = pending;
    this.cancelled = cancelled;
    this.ended = ended;
  }

  /**
   * Attempts one task until it completes, fails for good or is cancelled; runs as its own workflow
   * thread, in a cancellation scope of its own.
   *
   * @param t the task's position in the plan
   * @param dependencyFiles the files of every task it depends on
   */
  End run(String id, int t, int slot, List<Bundle> dependencyFiles) {
    List<AttemptRecord> attempts = new ArrayList<>();
    long inputBytes = dependencyFiles.stream().mapToLong(Bundle::payloadBytes).sum();
    if (inputBytes > Bundles.PAYLOAD_LIMIT_BYTES) {
      String error = Bundles.overLimit("the files of its dependencies are", inputBytes);
      attempts.add(notRun(slot, error));
      return new End(t, slot, null, error, attempts, false);
    }
    for (int number = 1; ; number++) {
      AttemptRecord failed;
      boolean retryable;
      long ordered = Workflow.currentTimeMillis();
      try {
        TaskDelivery delivery = tasks.attempt(new TaskOrder(id, slot, number, timeoutMillis));
        ended.accept(delivery.attempt());
        attempts.add(delivery.attempt());
        return new End(t, slot, delivery, null, attempts, false);
      } catch (ActivityFailure | CanceledFailure e) {
        AttemptRecord worker = workerRecord(e);
        if (worker != null) {
          ended.accept(worker);
        }
        if (cancelled.getAsBoolean()) {
          // As locally, after a cancellation any end but a completion is the cancellation's.
          attempts.add(cancelledAttempt(number, slot, ordered, worker));
          return new End(t, slot, null, "cancelled", attempts, true);
        }
        if (worker != null) {
          failed = worker;
          retryable =
              ((ApplicationFailure) e.getCause()).getDetails().get(1, Boolean.class, Boolean.class);
        } else {
          failed =
              notRun(
                  slot,
                  "no worker finished the attempt ("
                      + ActivityBounds.LOST_WORKER_ATTEMPTS
                      + " tries): "
                      + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
          retryable = false;
        }
      }
      attempts.add(failed);
      if (!retryable || !policy.allowsAnotherAfter(number)) {
        return new End(
            t, slot, null, RetryPolicy.finalError(failed.error(), number), attempts, false);
      }
      Duration backoff = policy.backoffBefore(number + 1);
      pending.add(
          RunFact.retrying(
              id, slot, Workflow.currentTimeMillis(), number, failed.error(), backoff.toMillis()));
      try {
        Workflow.sleep(backoff);
      } catch (CanceledFailure e) {
        // Cancelled while waiting to retry: as locally, no further attempt is recorded.
        return new End(t, slot, null, "cancelled", attempts, true);
      }
    }
  }

  /** The worker's record of an attempt its agent ended, or null if no worker ended it. */
  private static AttemptRecord workerRecord(RuntimeException e) {
    if (e.getCause() instanceof ApplicationFailure cause
        && TaskActivity.AGENT_FAILURE.equals(cause.getType())) {
      return cause.getDetails().get(0, AttemptRecord.class, AttemptRecord.class);
    }
    return null;
  }

  static AttemptRecord notRun(int slot, String error) {
    long now = Workflow.currentTimeMillis();
    return new AttemptRecord(
        1, slot, now, now, Attempt.Outcome.FAILED.label(), error, null, null, null);
  }

  /**
   * A cancelled attempt as a local run records it: the worker's times when a worker ended it, else
   * from its order to now (the server cancelled it before a worker took it, or lost its worker).
   */
  private static AttemptRecord cancelledAttempt(
      int number, int slot, long ordered, AttemptRecord worker) {
    String outcome = Attempt.Outcome.CANCELLED.label();
    return worker != null
        ? new AttemptRecord(
            worker.number(),
            worker.slot(),
            worker.startedAtMillis(),
            worker.finishedAtMillis(),
            outcome,
            "cancelled",
            worker.worker(),
            worker.executor(),
            worker.usage())
        : new AttemptRecord(
            number,
            slot,
            ordered,
            Workflow.currentTimeMillis(),
            outcome,
            "cancelled",
            null,
            null,
            null);
  }
}
