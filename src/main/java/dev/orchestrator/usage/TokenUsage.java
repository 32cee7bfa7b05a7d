package dev.orchestrator.usage;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * Tokens a model call (or a sum of them) consumed, and its cost.
 *
 * @param costUsd measured or priced cost in US dollars, an exact decimal ({@link Dollars#exact});
 *     null when no price is known
 */
public record TokenUsage(Tokens tokens, BigDecimal costUsd) {

  public TokenUsage {
    requireNonNull(tokens, "tokens");
    costUsd = Dollars.exact(costUsd);
  }

  public TokenUsage(
      long inputTokens,
      long outputTokens,
      long cacheReadTokens,
      long cacheWriteTokens,
      BigDecimal costUsd) {
    this(new Tokens(inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens), costUsd);
  }

  /** Input tokens read neither from nor into the prompt cache. */
  public long inputTokens() {
    return tokens.input();
  }

  public long outputTokens() {
    return tokens.output();
  }

  public long cacheReadTokens() {
    return tokens.cacheRead();
  }

  public long cacheWriteTokens() {
    return tokens.cacheWrite();
  }

  /** The sum of two usages either of which may be null (none); null when both are. */
  public static TokenUsage sum(TokenUsage a, TokenUsage b) {
    return a == null ? b : b == null ? a : a.plus(b);
  }

  /** The sum of both; cost is null when either is unknown. */
  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(
        tokens.plus(other.tokens),
        costUsd == null || other.costUsd == null ? null : costUsd.add(other.costUsd));
  }
}
