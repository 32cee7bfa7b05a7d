package dev.orchestrator.run;

import dev.orchestrator.Interrupter;
import dev.orchestrator.agent.AgentException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Bounds the time of an attempt: a timer interrupts the attempt's thread when its time is up, and
 * the interrupt becomes a retryable {@link TimedOut} instead of a cancellation.
 */
public final class AttemptTimer {

  /** No time limit. */
  public static final AttemptTimer UNLIMITED = new AttemptTimer(null, null, () -> false);

  private final Duration limit;
  private final ScheduledExecutorService alarms;
  private final BooleanSupplier cancelled;

  /**
   * @param limit time limit of one attempt; null for none
   * @param alarms runs the alarms; shut down by its owner
   * @param cancelled whether the run was cancelled: an interrupt is then the cancellation's, even
   *     if the time was also up
   */
  public AttemptTimer(Duration limit, ScheduledExecutorService alarms, BooleanSupplier cancelled) {
    this.limit = limit;
    this.alarms = alarms;
    this.cancelled = cancelled;
  }

  /** Work that may be interrupted. */
  @FunctionalInterface
  public interface Interruptible<T> {
    T call() throws InterruptedException;
  }

  /**
   * Runs the work on this thread within the time limit.
   *
   * @throws TimedOut if the time ran out first
   * @throws InterruptedException if the thread was interrupted for another reason
   */
  public <T> T call(Interruptible<T> work) throws InterruptedException {
    if (limit == null) {
      return work.call();
    }
    Interrupter alarmed = new Interrupter();
    ScheduledFuture<?> alarm =
        alarms.schedule(alarmed::interrupt, limit.toMillis(), TimeUnit.MILLISECONDS);
    try {
      return work.call();
    } catch (InterruptedException e) {
      if (alarmed.hasInterrupted() && !cancelled.getAsBoolean()) {
        throw new TimedOut(limit);
      }
      throw e;
    } finally {
      alarm.cancel(false);
      // Once withdrawn, an alarm that rang as the work returned can no longer interrupt this
      // thread; one that did is cleared, but a cancellation is kept.
      if (alarmed.withdraw() && cancelled.getAsBoolean()) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** An attempt that ran out of time; retryable. */
  public static final class TimedOut extends AgentException {
    TimedOut(Duration limit) {
      super(
          "timed out after "
              + limit.toMillis() / 1000.0
              + "s; raise --task-timeout if the task needs longer",
          true);
    }
  }
}
