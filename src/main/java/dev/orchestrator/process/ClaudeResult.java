package dev.orchestrator.process;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.usage.TokenUsage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The final {@code result} event of a {@code claude -p} run: how it ended, what it cost and which
 * session it was.
 *
 * @param subtype {@code success}, {@code error_max_turns}, {@code error_during_execution}, {@code
 *     error_max_budget_usd}, ...
 * @param isError whether the run failed; failures inside a run (not logged in, API errors) come as
 *     subtype {@code success} with this set, so it is checked first
 * @param text the final answer, or the error message; empty when absent
 * @param errors the messages of an error subtype, possibly empty
 * @param sessionId null when absent
 * @param numTurns null when absent
 * @param durationMs null when absent
 * @param apiErrorStatus the HTTP status of an API failure, null when none or not reported
 * @param usage tokens (cache tokens included) of every model the run used, subagents and the
 *     session title included ({@code modelUsage}; the {@code usage} of the main loop when that is
 *     absent), and {@code total_cost_usd}
 * @param model the model the run reported in its {@code init} event; null when it reported none
 * @param permissionDenials the tool uses Claude Code refused, as {@code Bash npm test}; possibly
 *     empty
 */
public record ClaudeResult(
    String subtype,
    boolean isError,
    String text,
    List<String> errors,
    String sessionId,
    Integer numTurns,
    Long durationMs,
    Integer apiErrorStatus,
    TokenUsage usage,
    String model,
    List<String> permissionDenials) {

  /** The detail that lists the tool uses Claude Code refused. */
  public static final String PERMISSION_DENIALS = "permission_denials";

  /** The subtype of a run stopped by {@code --max-turns}. */
  public static final String MAX_TURNS = "error_max_turns";

  // Words in the messages of failures that another attempt would meet again.
  private static final List<String> PERMANENT =
      List.of(
          "login",
          "api key",
          "authentication",
          "credit balance",
          "billing",
          "usage limit",
          "permission",
          "invalid model",
          "not_found_error");

  public ClaudeResult {
    errors = List.copyOf(errors);
    permissionDenials = List.copyOf(permissionDenials);
  }

  /**
   * Reads a result event (its {@code type} is {@code result}); absent fields become null or 0.
   *
   * @param model the model of the run's {@code init} event, or null
   */
  static ClaudeResult of(JsonNode event, String model) {
    List<String> errors = new ArrayList<>();
    event.path("errors").forEach(e -> errors.add(e.asText()));
    List<String> denials = new ArrayList<>();
    event.path("permission_denials").forEach(d -> denials.add(denial(d)));
    return new ClaudeResult(
        event.path("subtype").asText(""),
        event.path("is_error").asBoolean(false),
        event.path("result").asText(""),
        errors,
        text(event, "session_id"),
        event.path("num_turns").isNumber() ? event.path("num_turns").asInt() : null,
        event.path("duration_ms").isNumber() ? event.path("duration_ms").asLong() : null,
        event.path("api_error_status").isNumber() ? event.path("api_error_status").asInt() : null,
        usage(event),
        model,
        denials);
  }

  // modelUsage counts every request of the run, per model; usage only the main loop's.
  private static TokenUsage usage(JsonNode event) {
    JsonNode cost = event.path("total_cost_usd");
    JsonNode models = event.path("modelUsage");
    if (models.isObject() && !models.isEmpty()) {
      long[] sums = new long[4];
      BigDecimal costs = BigDecimal.ZERO;
      for (JsonNode model : models) {
        sums[0] += model.path("inputTokens").asLong(0);
        sums[1] += model.path("outputTokens").asLong(0);
        sums[2] += model.path("cacheReadInputTokens").asLong(0);
        sums[3] += model.path("cacheCreationInputTokens").asLong(0);
        JsonNode modelCost = model.path("costUSD");
        costs = costs == null || !modelCost.isNumber() ? null : costs.add(modelCost.decimalValue());
      }
      return new TokenUsage(
          sums[0], sums[1], sums[2], sums[3], cost.isNumber() ? cost.decimalValue() : costs);
    }
    JsonNode usage = event.path("usage");
    return new TokenUsage(
        usage.path("input_tokens").asLong(0),
        usage.path("output_tokens").asLong(0),
        usage.path("cache_read_input_tokens").asLong(0),
        usage.path("cache_creation_input_tokens").asLong(0),
        cost.isNumber() ? cost.decimalValue() : null);
  }

  // "Bash npm test", "Write /etc/passwd": the tool and what it was to work on.
  private static String denial(JsonNode denial) {
    String tool = denial.path("tool_name").asText("a tool");
    JsonNode input = denial.path("tool_input");
    for (String field : List.of("command", "file_path", "path", "pattern", "url")) {
      if (input.path(field).isTextual()) {
        String target = input.path(field).asText().strip().replaceAll("\\s+", " ");
        return tool + " " + (target.length() <= 80 ? target : target.substring(0, 79) + "…");
      }
    }
    return tool;
  }

  private static String text(JsonNode event, String field) {
    JsonNode node = event.path(field);
    return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
  }

  /** Whether the run did what it was asked. */
  public boolean succeeded() {
    return !isError && (subtype.isEmpty() || subtype.equals("success"));
  }

  /**
   * {@code session_id}, {@code num_turns}, {@code duration_ms}, {@code subtype}, {@code model} and
   * {@code permission_denials} (joined by {@code "; "}), where known.
   */
  public Map<String, String> details() {
    Map<String, String> details = new LinkedHashMap<>();
    if (sessionId != null) {
      details.put("session_id", sessionId);
    }
    if (numTurns != null) {
      details.put("num_turns", numTurns.toString());
    }
    if (durationMs != null) {
      details.put("duration_ms", durationMs.toString());
    }
    if (!subtype.isEmpty()) {
      details.put("subtype", subtype);
    }
    if (model != null) {
      details.put("model", model);
    }
    if (!permissionDenials.isEmpty()) {
      details.put(PERMISSION_DENIALS, String.join("; ", permissionDenials));
    }
    return details;
  }

  /**
   * Why a run that did not succeed failed, and whether another attempt might succeed: a turn or
   * budget limit is not retried (the same limit would stop it again), nor are login, key and
   * billing problems; crashes during the run and transient API errors are.
   *
   * @param maxTurns the {@code --max-turns} given, or null
   */
  public ProcessFailure failure(Integer maxTurns) {
    String session = sessionId == null ? "" : " (session " + sessionId + ")";
    if (subtype.equals(MAX_TURNS)) {
      String limit =
          maxTurns == null ? "its turn limit" : "the turn limit of --max-turns " + maxTurns;
      return new ProcessFailure(
          "claude stopped at "
              + limit
              + (numTurns == null ? "" : " after " + numTurns + " turns")
              + " before finishing the task"
              + session
              + "; raise --max-turns",
          false,
          usage);
    }
    if (subtype.equals("error_max_budget_usd")) {
      return new ProcessFailure(
          "claude reached its cost budget before finishing" + session, false, usage);
    }
    String reason = !errors.isEmpty() ? String.join("; ", errors) : text.strip();
    if (reason.isEmpty()) {
      reason = subtype.isEmpty() ? "no reason given" : subtype;
    }
    return new ProcessFailure(
        "claude reported an error: " + reason + session, retryable(reason), usage);
  }

  private boolean retryable(String reason) {
    if (apiErrorStatus != null) {
      int status = apiErrorStatus;
      return status == 408 || status == 409 || status == 429 || status >= 500;
    }
    String lower = reason.toLowerCase(Locale.ROOT);
    for (String permanent : PERMANENT) {
      if (lower.contains(permanent)) {
        return false;
      }
    }
    return true;
  }
}
