package dev.orchestrator.llm;

import dev.orchestrator.ConfigurationException;
import java.util.concurrent.Semaphore;

/**
 * Bounds how many model requests are in flight at once, across the planner and every executor that
 * shares it: 20 executors against a provider that allows 4 concurrent requests queue here, first
 * come first served, instead of failing there. A request holds a permit only while it is on the
 * wire, not while it waits to be retried. Thread-safe.
 */
public final class RequestLimiter {

  private final Semaphore semaphore;

  /**
   * @param maxConcurrentRequests at least 1
   * @throws ConfigurationException if less than 1
   */
  public RequestLimiter(int maxConcurrentRequests) {
    if (maxConcurrentRequests < 1) {
      throw new ConfigurationException(
          "--max-concurrent-requests must be at least 1, was " + maxConcurrentRequests);
    }
    this.semaphore = new Semaphore(maxConcurrentRequests, true);
  }

  /** Waits for a permit; pair with {@link #release()} in a {@code finally}. */
  void acquire() throws InterruptedException {
    semaphore.acquire();
  }

  void release() {
    semaphore.release();
  }
}
