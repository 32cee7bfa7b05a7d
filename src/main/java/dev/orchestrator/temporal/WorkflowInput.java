package dev.orchestrator.temporal;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.run.RetryPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Everything the run's workflow needs, decided on the coordinator: the plan, the searched dispatch
 * order and file conflicts (searching is not for workflow code), the tasks done before, and how
 * attempts are bounded and retried.
 *
 * @param planJson the plan as {@code execution_plan.json} holds it (executor budget M included)
 * @param rank dispatch rank per task position, lower first
 * @param conflicts per task position, the tasks it must not run beside
 * @param completed the files of tasks completed in an earlier run, which count as done
 * @param taskQueue where the workers poll for task attempts
 * @param ledgerQueue where only this run's coordinator polls
 * @param heartbeatMillis how long a silent worker is trusted before its attempt is given to another
 * @param taskTimeoutMillis time limit of one attempt, 0 for none
 * @param historyEventLimit events after which a run continues as new, 0 for {@link
 *     RunChain#EVENT_LIMIT}
 * @param costLimitUsd what the workers' model requests may cost before no further task starts
 *     ({@code --max-cost} less what the coordinator counted before the run, the planner's
 *     requests), an exact decimal; null for no limit. The workflow holds it itself, as each attempt
 *     ends: a stop signal from the coordinator, which learns the cost later, could come after the
 *     next task started.
 * @param continuation what earlier runs of the same workflow handed over
 */
public record WorkflowInput(
    String planJson,
    int[] rank,
    int[][] conflicts,
    List<Bundle> completed,
    String taskQueue,
    String ledgerQueue,
    long heartbeatMillis,
    long taskTimeoutMillis,
    int retries,
    long initialBackoffMillis,
    long maxBackoffMillis,
    long historyEventLimit,
    BigDecimal costLimitUsd,
    Continuation continuation) {

  public WorkflowInput {
    requireNonNull(planJson, "planJson");
    requireNonNull(rank, "rank");
    requireNonNull(conflicts, "conflicts");
    completed = List.copyOf(completed);
    requireNonNull(taskQueue, "taskQueue");
    requireNonNull(ledgerQueue, "ledgerQueue");
    requireNonNull(continuation, "continuation");
  }

  /** The input of the next run of the chain: the same plan and settings, the state handed over. */
  WorkflowInput next(List<Bundle> stillNeeded, Continuation handedOver) {
    return new WorkflowInput(
        planJson,
        rank,
        conflicts,
        stillNeeded,
        taskQueue,
        ledgerQueue,
        heartbeatMillis,
        taskTimeoutMillis,
        retries,
        initialBackoffMillis,
        maxBackoffMillis,
        historyEventLimit,
        costLimitUsd,
        handedOver);
  }

  /** The retry policy of task attempts. */
  RetryPolicy retryPolicy() {
    return new RetryPolicy(
        taskTimeoutMillis > 0 ? Duration.ofMillis(taskTimeoutMillis) : null,
        retries,
        Duration.ofMillis(initialBackoffMillis),
        Duration.ofMillis(maxBackoffMillis));
  }
}
