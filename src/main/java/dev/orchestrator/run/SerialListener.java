package dev.orchestrator.run;

/**
 * Delivers events to a listener one at a time, whichever thread sends them, so listeners need no
 * locks of their own.
 */
final class SerialListener implements RunListener {

  private final RunListener target;

  SerialListener(RunListener target) {
    this.target = target;
  }

  @Override
  public synchronized void on(RunEvent event) {
    target.on(event);
  }
}
