package dev.orchestrator.run;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Hands events to one writer thread that delivers them, in the order they were sent, to a listener
 * that may do I/O (console, log, journal, reports). Senders never wait for the I/O: the dispatcher
 * sends events while holding its lock, and executors must not stall behind a disk or a terminal.
 */
final class EventWriter implements RunListener, AutoCloseable {

  private static final Object END = new Object();

  private final RunListener target;
  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final Thread thread;

  private EventWriter(RunListener target) {
    this.target = target;
    this.thread = new Thread(this::deliver, "run-events");
    thread.setDaemon(true);
  }

  /** Starts the writer thread. */
  static EventWriter start(RunListener target) {
    EventWriter writer = new EventWriter(target);
    writer.thread.start();
    return writer;
  }

  @Override
  public void on(RunEvent event) {
    queue.add(event);
  }

  private void deliver() {
    while (true) {
      Object next;
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        return; // only close() ends the thread; nothing else interrupts it
      }
      if (next == END) {
        return;
      }
      // A listener that throws must lose neither the later events nor the run's outcome.
      ListenerFailures.deliver(target, (RunEvent) next);
    }
  }

  /**
   * Delivers every event sent so far, then stops the thread. Waits even when interrupted (the final
   * events of a cancelled run must still reach the log), keeping the interrupt flag.
   */
  @Override
  public void close() {
    queue.add(END);
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
