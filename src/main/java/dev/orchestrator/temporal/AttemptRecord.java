package dev.orchestrator.temporal;

import dev.orchestrator.output.Attempt;
import dev.orchestrator.output.Backend;
import dev.orchestrator.usage.TokenUsage;
import java.time.Instant;

/**
 * One attempt at a task as a worker saw it, in a form every process reads the same.
 *
 * @param slot the executor slot 1..M the workflow gave the task
 * @param outcome an {@link Attempt.Outcome} label
 * @param error why it did not complete; null when it did
 * @param worker {@code host:pid} of the worker process that ran it; null if none did (the workflow
 *     failed it before any worker could)
 * @param executor what the worker's agents are ({@code llm} and its model, {@code simulated}, …):
 *     the run is labelled from what its workers report; null if no worker ran it, or a worker that
 *     did not yet report it
 * @param usage the tokens and cost (an exact decimal) of the attempt's model requests, as its
 *     worker measured them, whether it completed or not: the workflow holds {@code --max-cost} with
 *     them; null when it used no model or no worker ran it
 */
public record AttemptRecord(
    int number,
    int slot,
    long startedAtMillis,
    long finishedAtMillis,
    String outcome,
    String error,
    String worker,
    Backend executor,
    TokenUsage usage) {

  Attempt toAttempt() {
    return new Attempt(
        number,
        slot,
        Instant.ofEpochMilli(startedAtMillis),
        Instant.ofEpochMilli(finishedAtMillis),
        Attempt.Outcome.fromLabel(outcome),
        error,
        worker);
  }
}
