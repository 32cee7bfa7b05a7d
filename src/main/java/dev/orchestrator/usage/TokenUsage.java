package dev.orchestrator.usage;

import java.math.BigDecimal;

/**
 * Tokens a model call (or a sum of them) consumed, and its cost.
 *
 * @param costUsd measured or priced cost in US dollars; null when no price is known
 */
public record TokenUsage(
    long inputTokens,
    long outputTokens,
    long cacheReadTokens,
    long cacheWriteTokens,
    BigDecimal costUsd) {

  /** The sum of both; cost is null when either is unknown. */
  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(
        inputTokens + other.inputTokens,
        outputTokens + other.outputTokens,
        cacheReadTokens + other.cacheReadTokens,
        cacheWriteTokens + other.cacheWriteTokens,
        costUsd == null || other.costUsd == null ? null : costUsd.add(other.costUsd));
  }
}
