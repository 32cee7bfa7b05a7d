package dev.orchestrator.temporal;

import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** How long the run's workflow lets its activities run, and how Temporal retries them. */
final class ActivityBounds {

  /** How often Temporal gives an attempt to another worker after losing the one running it. */
  static final int LOST_WORKER_ATTEMPTS = 10;

  /**
   * The longest a worker holds back an attempt's heartbeat (the SDK's default is 80 % of the
   * heartbeat timeout): a cancellation reaches an attempt only in a heartbeat's reply, so this
   * bounds how long a cancelled attempt's agent goes on.
   */
  static final Duration HEARTBEAT_THROTTLE = Duration.ofSeconds(1);

  private ActivityBounds() {}

  /** Task attempts: a worker's heartbeat shows it alive; the worker enforces the task timeout. */
  static ActivityOptions tasks(WorkflowInput input) {
    Duration heartbeat = Duration.ofMillis(input.heartbeatMillis());
    return ActivityOptions.newBuilder()
        .setTaskQueue(input.taskQueue())
        // The worker enforces the task timeout itself (a timed-out attempt is retried by the run's
        // policy); Temporal's limit only guards against a worker that hangs without dying.
        .setStartToCloseTimeout(
            input.taskTimeoutMillis() > 0
                ? Duration.ofMillis(input.taskTimeoutMillis()).plus(heartbeat.multipliedBy(3))
                : Duration.ofDays(7))
        .setHeartbeatTimeout(heartbeat)
        // A cancelled attempt ends when its worker says so, not when the cancel is requested:
        // the workflow then has the attempt's own record, and when the run ends no agent still
        // runs (as a local cancel joins its executors). A lost worker holds this up to the
        // heartbeat timeout.
        .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setMaximumInterval(Duration.ofSeconds(10))
                .setMaximumAttempts(LOST_WORKER_ATTEMPTS)
                .setDoNotRetry(TaskActivity.AGENT_FAILURE)
                .build())
        .build();
  }

  /** The coordinator's ledger: retried until the coordinator (or its successor) records. */
  static ActivityOptions ledger(WorkflowInput input) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(input.ledgerQueue())
        .setStartToCloseTimeout(Duration.ofMinutes(10))
        .setHeartbeatTimeout(Duration.ofSeconds(10))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setMaximumInterval(Duration.ofSeconds(10))
                .build())
        .build();
  }
}
