package dev.orchestrator.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import java.io.IOException;

/**
 * The parts of an error body worth showing, read tolerantly: Anthropic's {@code {"type":"error",
 * "error":{"type","message"}}}, OpenAI's {@code {"error":{"message","type","code"}}} with a code
 * that is a string, a number or null (vLLM, llama.cpp), the flat body of older vLLM versions, or
 * text that is not JSON at all.
 *
 * @param type the error type or code ({@code rate_limit_error}, {@code insufficient_quota}), or ""
 * @param message the provider's message, or the start of the body when it has none
 */
record ProviderError(String type, String message) {

  private static final int MAX_MESSAGE = 300;

  static ProviderError parse(String body) {
    String text = body == null ? "" : body.strip();
    JsonNode root;
    try {
      root = Json.mapper().readTree(text);
    } catch (IOException e) {
      return new ProviderError("", shorten(text));
    }
    if (root == null || !root.isObject()) {
      return new ProviderError("", shorten(text));
    }
    JsonNode error = root.path("error").isObject() ? root.get("error") : root;
    String type = textOf(error.path("type"));
    String code = textOf(error.path("code"));
    JsonNode details = error.path("details").path("error_code");
    if (details.isTextual()) {
      code = details.asText();
    }
    // OpenAI's insufficient_quota and Anthropic's spend limit hide in "code"; prefer it when it
    // says more than a number.
    String kind = !code.isEmpty() && !code.chars().allMatch(Character::isDigit) ? code : type;
    String message = textOf(error.path("message"));
    return new ProviderError(kind, shorten(message.isEmpty() ? text : message));
  }

  /** Whether retrying cannot help although the status is 429: quota or spend limit exhausted. */
  boolean quotaExhausted() {
    return type.equals("insufficient_quota") || type.equals("enforced_spend_limit_reached");
  }

  /** "rate_limit_error: Too many requests", or just the message when there is no type. */
  String describe() {
    return type.isEmpty() ? message : type + ": " + message;
  }

  private static String textOf(JsonNode node) {
    return node.isValueNode() && !node.isNull() ? node.asText() : "";
  }

  private static String shorten(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…";
  }
}
