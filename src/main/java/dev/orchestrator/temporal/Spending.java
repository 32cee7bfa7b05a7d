package dev.orchestrator.temporal;

import dev.orchestrator.usage.TokenUsage;
import java.math.BigDecimal;

/**
 * What the run's attempts spent, as their workers measured it, against {@code --max-cost}: the
 * local rule of {@code llm.CostMeter}, held in the workflow. The limit is reached once the spending
 * is at or over it; an attempt whose cost is unknown (a model without a price) makes the spending
 * unknown, and an unknown spending never reaches the limit. Workflow code: exact decimals, no
 * clock.
 */
final class Spending {

  private final BigDecimal limitUsd;
  private BigDecimal spentUsd;

  /**
   * @param limitUsd what the workers may spend; null for no limit
   * @param spentUsd what they spent before (earlier runs of the chain); null when unknown
   */
  Spending(BigDecimal limitUsd, BigDecimal spentUsd) {
    this.limitUsd = limitUsd;
    this.spentUsd = spentUsd;
  }

  /**
   * Counts one attempt's usage.
   *
   * @param usage null when the attempt used no model
   */
  void add(TokenUsage usage) {
    if (usage != null && spentUsd != null) {
      spentUsd = usage.costUsd() == null ? null : spentUsd.add(usage.costUsd());
    }
  }

  boolean limitReached() {
    return limitUsd != null && spentUsd != null && spentUsd.compareTo(limitUsd) >= 0;
  }

  /** What was spent so far; null when unknown. */
  BigDecimal spentUsd() {
    return spentUsd;
  }

  /** What the workers may spend; null for no limit. */
  BigDecimal limitUsd() {
    return limitUsd;
  }
}
