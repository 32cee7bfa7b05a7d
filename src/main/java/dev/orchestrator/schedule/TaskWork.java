package dev.orchestrator.schedule;

/** The work of one task on one executor, as the dispatcher sees it: it succeeds or it does not. */
@FunctionalInterface
public interface TaskWork {

  /**
   * Runs a task. Called on the executor's own thread.
   *
   * @param executor 1-based executor number
   * @return whether the task succeeded; a failure skips its dependents
   * @throws InterruptedException when the dispatch is cancelled
   */
  boolean run(int task, int executor) throws InterruptedException;
}
