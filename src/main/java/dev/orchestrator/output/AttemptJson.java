package dev.orchestrator.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The one JSON encoding of an {@link Attempt}, shared by {@code execution_summary.json}'s {@code
 * attempt_history} and the run journal, so both spell the same facts the same way.
 */
public final class AttemptJson {

  static final String ATTEMPT = "attempt";
  static final String EXECUTOR_ID = "executor_id";
  static final String STARTED_AT = "started_at";
  static final String FINISHED_AT = "finished_at";
  static final String DURATION_SECONDS = "duration_seconds";
  static final String OUTCOME = "outcome";
  static final String ERROR = "error";
  static final String WORKER = "worker";

  private AttemptJson() {}

  /** Puts the attempt's fields into {@code node}. */
  public static void write(ObjectNode node, Attempt attempt) {
    node.put(ATTEMPT, attempt.number());
    node.put(EXECUTOR_ID, attempt.executorId());
    node.put(STARTED_AT, attempt.startedAt().toString());
    node.put(FINISHED_AT, attempt.finishedAt().toString());
    node.put(DURATION_SECONDS, attempt.duration().toMillis() / 1000.0);
    node.put(OUTCOME, attempt.outcome().label());
    node.put(ERROR, attempt.error());
    if (attempt.worker() != null) {
      node.put(WORKER, attempt.worker()); // only under --engine temporal: local output is unchanged
    }
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @throws IllegalArgumentException if a field is missing or malformed
   */
  public static Attempt read(JsonNode node) {
    JsonNode error = node.required(ERROR);
    JsonNode worker = node.path(WORKER);
    return new Attempt(
        node.required(ATTEMPT).intValue(),
        node.required(EXECUTOR_ID).intValue(),
        Instant.parse(node.required(STARTED_AT).textValue()),
        Instant.parse(node.required(FINISHED_AT).textValue()),
        Attempt.Outcome.fromLabel(node.required(OUTCOME).textValue()),
        error.isNull() ? null : error.textValue(),
        worker.isTextual() ? worker.textValue() : null);
  }
}
