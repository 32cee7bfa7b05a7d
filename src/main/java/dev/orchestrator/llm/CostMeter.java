package dev.orchestrator.llm;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.orchestrator.usage.Dollars;
import dev.orchestrator.usage.Tokens;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds up the requests, tokens and cost of a run across the planner and every executor, and says
 * once when the spending limit is reached. Thread-safe: every {@link ModelClient} of a run records
 * here from its own thread.
 *
 * <p>A request whose model has no price makes the total cost unknown (null); a meter with a limit
 * therefore needs priced models, which {@code --max-cost} checks before the run.
 */
public final class CostMeter {

  private static final Logger log = LoggerFactory.getLogger(CostMeter.class);

  private final BigDecimal limitUsd;

  @GuardedBy("this")
  private final List<Runnable> onLimit = new ArrayList<>();

  @GuardedBy("this")
  private int requests;

  @GuardedBy("this")
  private Tokens tokens = Tokens.NONE;

  @GuardedBy("this")
  private BigDecimal costUsd = BigDecimal.ZERO;

  @GuardedBy("this")
  private boolean limitReached;

  /**
   * @param limitUsd the most to spend, in US dollars; null for no limit
   */
  public CostMeter(BigDecimal limitUsd) {
    if (limitUsd != null && limitUsd.signum() <= 0) {
      throw new dev.orchestrator.ConfigurationException(
          "--max-cost must be more than 0 dollars, was " + limitUsd.toPlainString());
    }
    this.limitUsd = limitUsd;
  }

  /** A meter without a limit. */
  public static CostMeter unlimited() {
    return new CostMeter(null);
  }

  /**
   * Runs the action when the total cost reaches the limit, on the thread of the request that
   * reached it; at once if it already has. Each action runs at most once. Actions must be quick and
   * must not call back into this meter's recording (stopping a dispatcher is fine).
   */
  public void onLimitReached(Runnable action) {
    boolean now;
    synchronized (this) {
      now = limitReached;
      if (!now) {
        onLimit.add(action);
      }
    }
    if (now) {
      action.run();
    }
  }

  /**
   * Records one request.
   *
   * @param cost its cost in US dollars, null when its model has no price
   */
  public void record(Tokens requestTokens, BigDecimal cost) {
    List<Runnable> toRun = List.of();
    BigDecimal reachedAt = null;
    synchronized (this) {
      requests++;
      tokens = tokens.plus(requestTokens);
      costUsd = costUsd == null || cost == null ? null : costUsd.add(Dollars.exact(cost));
      if (!limitReached
          && limitUsd != null
          && costUsd != null
          && costUsd.compareTo(limitUsd) >= 0) {
        limitReached = true;
        reachedAt = costUsd;
        toRun = List.copyOf(onLimit);
        onLimit.clear();
      }
    }
    if (reachedAt != null) {
      log.warn(
          "the model requests have cost ${}, reaching the limit of ${} (--max-cost)",
          reachedAt.toPlainString(),
          limitUsd.toPlainString());
    }
    toRun.forEach(Runnable::run);
  }

  /** Whether the total cost has reached the limit. */
  public synchronized boolean limitReached() {
    return limitReached;
  }

  /**
   * What may still be spent before the limit is reached: the limit less the cost so far, 0 or less
   * once reached; null without a limit, or when the cost so far is unknown (never reaches it).
   */
  public synchronized BigDecimal remaining() {
    return limitUsd == null || costUsd == null ? null : limitUsd.subtract(costUsd);
  }

  /** What was spent so far. */
  public synchronized Total total() {
    return new Total(requests, tokens, costUsd);
  }

  /**
   * The sum of the recorded requests.
   *
   * @param costUsd null when some request's model had no price
   */
  public record Total(int requests, Tokens tokens, BigDecimal costUsd) {}
}
