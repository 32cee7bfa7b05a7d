package dev.orchestrator.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.orchestrator.usage.TokenUsage;

/**
 * The one JSON encoding of a {@link TokenUsage}: {@code "tokens": {"input", "output", "cache_read",
 * "cache_write"}} and {@code "cost_usd"} beside it, both null when no model was used. Shared by the
 * summary and the run journal.
 */
public final class UsageJson {

  /** The field of the tokens, present wherever a usage was written. */
  public static final String TOKENS = "tokens";

  static final String COST_USD = "cost_usd";
  private static final String INPUT = "input";
  private static final String OUTPUT = "output";
  private static final String CACHE_READ = "cache_read";
  private static final String CACHE_WRITE = "cache_write";

  private UsageJson() {}

  /** Puts {@code tokens} and {@code cost_usd} into {@code node}; null usage writes nulls. */
  public static void write(ObjectNode node, TokenUsage usage) {
    if (usage == null) {
      node.putNull(TOKENS);
      node.putNull(COST_USD);
      return;
    }
    ObjectNode tokens = node.putObject(TOKENS);
    tokens.put(INPUT, usage.inputTokens());
    tokens.put(OUTPUT, usage.outputTokens());
    tokens.put(CACHE_READ, usage.cacheReadTokens());
    tokens.put(CACHE_WRITE, usage.cacheWriteTokens());
    if (usage.costUsd() == null) {
      node.putNull(COST_USD);
    } else {
      // As written, 0.0000012 and not 1.2E-6: some JSON readers take the exponent form for a float.
      node.putRawValue(COST_USD, new RawValue(usage.costUsd().toPlainString()));
    }
  }

  /**
   * Reads what {@link #write} wrote; null when the tokens are null.
   *
   * @throws IllegalArgumentException if a field is missing
   */
  public static TokenUsage read(JsonNode node) {
    JsonNode tokens = node.required(TOKENS);
    if (tokens.isNull()) {
      return null;
    }
    JsonNode cost = node.required(COST_USD);
    return new TokenUsage(
        tokens.required(INPUT).longValue(),
        tokens.required(OUTPUT).longValue(),
        tokens.required(CACHE_READ).longValue(),
        tokens.required(CACHE_WRITE).longValue(),
        cost.isNull() ? null : cost.decimalValue());
  }
}
