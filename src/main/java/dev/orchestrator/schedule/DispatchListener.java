package dev.orchestrator.schedule;

/**
 * Hears the scheduling decisions of a dispatch, by task position. Calls are made while the
 * dispatcher holds its lock, one at a time and in the order the decisions were taken, so they must
 * be quick. For each task: {@code ready} before {@code started}, {@code started} before {@code
 * finished}; a skipped task is never ready or started. Executors are numbered from 1.
 */
public interface DispatchListener {

  /** Why a task was skipped, as runs of either engine record it. */
  static String skipReason(String failedDependencyId) {
    return "skipped because " + failedDependencyId + " failed";
  }

  DispatchListener NONE = new DispatchListener() {};

  /** All dependencies of the task completed; it waits in the ready queue. */
  default void ready(int task) {}

  /** An executor took the task. */
  default void started(int task, int executor) {}

  /** The task ended on the executor. */
  default void finished(int task, int executor, boolean succeeded) {}

  /** The task will not run because {@code failedDependency}, which it depends on, failed. */
  default void skipped(int task, int failedDependency) {}
}
