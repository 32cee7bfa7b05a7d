package dev.orchestrator.agent;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.process.ClaudeResult;
import dev.orchestrator.usage.TokenUsage;
import java.util.Map;

/**
 * What a successful attempt reports besides its files.
 *
 * @param usage tokens and cost, or null when no model was used
 * @param details agent-specific facts for the summary (session id, turns), possibly empty; {@link
 *     #REFUSED} lists what the agent was not allowed to do
 */
public record AgentResult(String summary, TokenUsage usage, Map<String, String> details) {

  /** The detail naming the tool uses the agent was refused, {@code "; "}-separated. */
  public static final String REFUSED = ClaudeResult.PERMISSION_DENIALS;

  public AgentResult {
    requireNonNull(summary, "summary");
    details = Map.copyOf(details);
  }

  public static AgentResult of(String summary) {
    return new AgentResult(summary, null, Map.of());
  }
}
