package dev.orchestrator.output.report;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.output.Attempt;

/**
 * One attempt at a task on an executor's timeline, in milliseconds from the timeline's origin.
 *
 * @param attempt 1 for the first attempt
 * @param attempts how many attempts the task had in all
 * @param worker the worker process ({@code host:pid}) that ran it under {@code --engine temporal};
 *     null in a local run
 */
public record Bar(
    String taskId,
    String name,
    int attempt,
    int attempts,
    long startMillis,
    long endMillis,
    Attempt.Outcome outcome,
    String worker) {

  public Bar {
    requireNonNull(taskId, "taskId");
    requireNonNull(name, "name");
    requireNonNull(outcome, "outcome");
    if (endMillis < startMillis) {
      throw new IllegalArgumentException(
          taskId
              + " attempt "
              + attempt
              + " ends before it starts: "
              + startMillis
              + " > "
              + endMillis);
    }
  }

  public long durationMillis() {
    return endMillis - startMillis;
  }
}
