package dev.orchestrator.agent;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.usage.TokenUsage;
import java.util.Map;

/**
 * What a successful attempt reports besides its files.
 *
 * @param usage tokens and cost, or null when no model was used
 * @param details agent-specific facts for the summary (session id, turns), possibly empty
 */
public record AgentResult(String summary, TokenUsage usage, Map<String, String> details) {

  public AgentResult {
    requireNonNull(summary, "summary");
    details = Map.copyOf(details);
  }

  public static AgentResult of(String summary) {
    return new AgentResult(summary, null, Map.of());
  }
}
