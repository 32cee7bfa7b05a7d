package dev.orchestrator.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers an event to one listener so that what the listener throws stays with it: it is logged,
 * and the run, and every other listener, go on as if it had returned (the contract of JUnit's
 * {@code TestWatcher}: an observer never changes the outcome).
 */
final class ListenerFailures {

  private static final Logger log = LoggerFactory.getLogger(ListenerFailures.class);

  private ListenerFailures() {}

  static void deliver(RunListener listener, RunEvent event) {
    try {
      listener.on(event);
    } catch (RuntimeException e) {
      log.warn("a run listener ({}) failed on {}; the run goes on", listener, event, e);
    }
  }
}
