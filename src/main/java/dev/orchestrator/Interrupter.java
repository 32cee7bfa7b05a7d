package dev.orchestrator;

import com.google.errorprone.annotations.concurrent.GuardedBy;

/**
 * Lets other threads interrupt one thread only while that thread is inside the work the interrupt
 * is meant for (an attempt, a test command). Deciding to interrupt and interrupting are one step
 * under this object's lock, and so are leaving and clearing: without that, an interrupt decided
 * just before the work ended could land after it and hit whatever the thread does next.
 * Thread-safe.
 */
public final class Interrupter {

  private final Thread thread = Thread.currentThread();

  @GuardedBy("this")
  private boolean withdrawn;

  @GuardedBy("this")
  private boolean interrupted;

  /** Creates an interrupter of the calling thread. */
  public Interrupter() {}

  /** Interrupts the thread, unless it has {@link #withdraw withdrawn}. */
  public synchronized void interrupt() {
    if (!withdrawn) {
      interrupted = true;
      thread.interrupt();
    }
  }

  /** Whether {@link #interrupt} has interrupted the thread. */
  public synchronized boolean hasInterrupted() {
    return interrupted;
  }

  /**
   * Called by the thread as its work ends: no interrupt from here reaches it afterwards, and if one
   * did, the thread's interrupt status is cleared (with any other interrupt that came meanwhile).
   *
   * @return whether this interrupted the thread
   * @throws IllegalStateException if called by another thread
   */
  public synchronized boolean withdraw() {
    if (Thread.currentThread() != thread) {
      throw new IllegalStateException("only " + thread.getName() + " may withdraw its interrupter");
    }
    withdrawn = true;
    if (interrupted) {
      Thread.interrupted();
    }
    return interrupted;
  }
}
