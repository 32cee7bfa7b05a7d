package dev.orchestrator.llm.fake;

import java.util.List;
import java.util.Map;

/** What the fake model server answers to one request, in terms common to both dialects. */
public sealed interface Reply {

  /** A text answer; {@code cut} ends it at the output limit (max_tokens / length). */
  record Text(String text, boolean cut) implements Reply {}

  /** Tool calls, after an optional text. */
  record Tools(String text, List<ToolCall> calls) implements Reply {}

  /** An API error: the status, its type in Anthropic's words, a message, extra headers. */
  record Error(int status, String type, String message, Map<String, String> headers)
      implements Reply {}

  /** A 200 reply whose body is not the API's JSON. */
  record Malformed(String body) implements Reply {}

  /** The connection is closed without an answer. */
  record Drop() implements Reply {}

  static Reply text(String text) {
    return new Text(text, false);
  }

  static Reply cut(String text) {
    return new Text(text, true);
  }

  static Reply tools(ToolCall... calls) {
    return new Tools("", List.of(calls));
  }

  static Reply rateLimited(int retryAfterSeconds) {
    return new Error(
        429,
        "rate_limit_error",
        "Number of request tokens has exceeded your per-minute rate limit",
        Map.of("retry-after", Integer.toString(retryAfterSeconds)));
  }

  static Reply overloaded() {
    return new Error(529, "overloaded_error", "Overloaded", Map.of());
  }

  static Reply serverError() {
    return new Error(500, "api_error", "Internal server error", Map.of());
  }

  static Reply error(int status, String type, String message) {
    return new Error(status, type, message, Map.of());
  }

  static Reply malformed() {
    return new Malformed("{\"id\": \"msg_broken\", \"content\": [");
  }

  static Reply drop() {
    return new Drop();
  }
}
