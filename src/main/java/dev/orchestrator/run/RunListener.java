package dev.orchestrator.run;

/**
 * Receives the events of a run. Called from executor threads, one event at a time (calls never
 * overlap), so implementations need no locking of their own but must return quickly.
 */
@FunctionalInterface
public interface RunListener {

  void on(RunEvent event);

  /** A listener that passes each event to both, this one first. */
  default RunListener andThen(RunListener next) {
    return event -> {
      on(event);
      next.on(event);
    };
  }
}
