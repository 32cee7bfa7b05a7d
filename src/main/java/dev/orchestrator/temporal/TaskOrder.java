package dev.orchestrator.temporal;

import static java.util.Objects.requireNonNull;

/**
 * What the workflow asks a worker to do: one attempt at one task. Neither the plan nor the
 * dependencies' files are in it: the worker reads the plan from the run's first history event and
 * asks the workflow for the files (a query, which leaves no trace in the history), so the history
 * grows with each task's own output once, not with the plan or the dependencies times the tasks.
 *
 * @param slot executor slot 1..M
 * @param attempt 1 for the first attempt
 * @param timeoutMillis time limit of the attempt, 0 for none
 */
public record TaskOrder(String taskId, int slot, int attempt, long timeoutMillis) {

  public TaskOrder {
    requireNonNull(taskId, "taskId");
  }
}
