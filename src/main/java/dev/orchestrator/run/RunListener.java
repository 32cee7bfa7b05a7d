package dev.orchestrator.run;

/**
 * Receives the events of a run, one at a time and in order (calls never overlap: the run's events
 * come from its one event thread, {@code run-events}, and {@link RunEvent.RunFinished} from the
 * thread that ran the run once that thread has delivered everything else), so implementations need
 * no locking of their own but must return quickly.
 *
 * <p>A listener observes; it never changes the run. What it throws is logged and the run goes on:
 * the tasks, the summary, the report and the journal are the same as if it had returned, and every
 * other listener still hears the event.
 */
@FunctionalInterface
public interface RunListener {

  void on(RunEvent event);

  /**
   * A listener that passes each event to both, this one first; what either throws is logged and
   * does not keep the event from the other.
   */
  default RunListener andThen(RunListener next) {
    RunListener first = this;
    return event -> {
      ListenerFailures.deliver(first, event);
      ListenerFailures.deliver(next, event);
    };
  }
}
