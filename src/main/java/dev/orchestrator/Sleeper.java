package dev.orchestrator;

import java.time.Duration;

/**
 * Waits between attempts of a request. A seam for tests, which record the waits instead of taking
 * them, as Caffeine's {@code Ticker} is for time.
 */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps on the calling thread. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /**
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
