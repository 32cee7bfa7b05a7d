package dev.orchestrator.process;

/** Receives progress messages of a running task; must be thread-safe. */
@FunctionalInterface
public interface ProgressSink {
  /**
   * @param fraction 0..1 of the task done, or a negative number when unknown
   */
  void report(String message, double fraction);
}
