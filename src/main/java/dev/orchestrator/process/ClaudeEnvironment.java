package dev.orchestrator.process;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The environment Claude Code runs in: what it needs and nothing more, so that the other secrets of
 * the user's shell (a {@code GITHUB_TOKEN}, a database password) never reach an agent that runs
 * commands. It keeps Claude Code's own variables ({@code ANTHROPIC_*}, {@code CLAUDE_*} and a few
 * documented settings), {@code PATH}, {@code HOME}, the user, temporary directory, terminal and
 * locale, proxies and certificates; the cloud credentials of Bedrock or Vertex only when Claude
 * Code is told to use them. {@code CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1} is added unless set:
 * no telemetry, update checks or error reports from the agents of a run.
 *
 * <p>Command agents get an allow-list environment of their own; the two lists should become one
 * class once both exist.
 */
public final class ClaudeEnvironment {

  /**
   * Set unless the user set it: Claude Code's background requests stay off. Claude Code takes any
   * non-empty value for "off", so a user who wants them sets it empty.
   */
  public static final String QUIET = "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC";

  private static final Pattern KEPT =
      Pattern.compile(
          "ANTHROPIC_.*|CLAUDE_.*|PATH|HOME|USER|LOGNAME|SHELL|TMPDIR|TERM|COLORTERM|TZ|LANG"
              + "|LANGUAGE|LC_.*|(?i:(HTTP|HTTPS|NO|ALL)_PROXY)|NODE_EXTRA_CA_CERTS"
              + "|SSL_CERT_(FILE|DIR)|REQUESTS_CA_BUNDLE|IS_SANDBOX|DISABLE_.*|API_TIMEOUT_MS"
              + "|MAX_THINKING_TOKENS|BASH_(DEFAULT|MAX)_TIMEOUT_MS|MCP_TIMEOUT|MCP_TOOL_TIMEOUT");
  private static final Pattern BEDROCK = Pattern.compile("AWS_.*");
  private static final Pattern VERTEX =
      Pattern.compile(
          "GOOGLE_APPLICATION_CREDENTIALS|GOOGLE_CLOUD_PROJECT|CLOUD_ML_REGION|VERTEX_.*");

  private ClaudeEnvironment() {}

  /** The variables of {@code environment} that Claude Code gets, and the defaults it lacks. */
  public static Map<String, String> of(Map<String, String> environment) {
    boolean bedrock = environment.containsKey("CLAUDE_CODE_USE_BEDROCK");
    boolean vertex = environment.containsKey("CLAUDE_CODE_USE_VERTEX");
    Map<String, String> kept = new TreeMap<>();
    environment.forEach(
        (name, value) -> {
          if (KEPT.matcher(name).matches()
              || (bedrock && BEDROCK.matcher(name).matches())
              || (vertex && VERTEX.matcher(name).matches())) {
            kept.put(name, value);
          }
        });
    kept.putIfAbsent(QUIET, "1");
    return kept;
  }
}
