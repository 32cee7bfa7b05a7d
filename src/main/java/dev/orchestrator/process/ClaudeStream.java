package dev.orchestrator.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the NDJSON events of {@code claude -p --output-format stream-json --verbose}, one line at a
 * time: turns and tool uses become progress messages, the final {@code result} event is kept. Lines
 * that are not JSON objects and events of unknown types are logged and skipped.
 *
 * <p>Fed by one thread; {@link #result()} is read after feeding ended (a thread join orders them).
 */
final class ClaudeStream implements Consumer<String> {

  private static final Logger log = LoggerFactory.getLogger(ClaudeStream.class);
  private static final int SHOWN = 100;
  private static final List<String> TARGETS =
      List.of("file_path", "command", "pattern", "path", "url", "description");

  private final ProgressSink progress;
  private final Integer maxTurns;
  private final Set<String> messages = new HashSet<>();
  private ClaudeResult result;
  private String model;
  private int events;
  private int ignored;

  /**
   * @param maxTurns the turn limit, to report progress as a fraction of it; null when none
   */
  ClaudeStream(ProgressSink progress, Integer maxTurns) {
    this.progress = progress;
    this.maxTurns = maxTurns;
  }

  @Override
  public void accept(String line) {
    if (line.isBlank()) {
      return;
    }
    JsonNode event;
    try {
      event = Json.mapper().readTree(line);
    } catch (JsonProcessingException e) {
      event = null;
    }
    if (event == null || !event.isObject()) {
      ignored++;
      log.warn(
          "ignoring a line of claude output that is not a JSON event: {}", shorten(line, SHOWN));
      return;
    }
    events++;
    String type = event.path("type").asText("");
    switch (type) {
      case "system":
        system(event);
        break;
      case "assistant":
        assistant(event);
        break;
      case "result":
        result = ClaudeResult.of(event, model);
        break;
      default:
        log.debug("claude event {}", type);
    }
  }

  /** The final result event, or null when the run ended without one. */
  ClaudeResult result() {
    return result;
  }

  /** The number of JSON events read: none when claude refused to start (a bad flag, as root). */
  int events() {
    return events;
  }

  /** The number of lines that were not JSON events. */
  int ignoredLines() {
    return ignored;
  }

  private void system(JsonNode event) {
    String subtype = event.path("subtype").asText("");
    if (subtype.equals("init")) {
      model = event.path("model").isTextual() ? event.path("model").asText() : null;
      progress.report("claude started" + (model == null ? "" : " (" + model + ")"), fraction());
    } else if (subtype.equals("api_retry")) {
      String attempt =
          event.path("attempt").asText("?") + "/" + event.path("max_retries").asText("?");
      progress.report(
          "API retry " + attempt + " (" + event.path("error").asText("error") + ")", fraction());
    }
  }

  // Claude Code often writes one assistant line per content block; lines of one turn share the
  // message id. Messages of a subagent (parent_tool_use_id set) are not turns of the task.
  private void assistant(JsonNode event) {
    JsonNode message = event.path("message");
    String prefix;
    if (event.path("parent_tool_use_id").isTextual()) {
      prefix = "subagent: ";
    } else {
      String id = message.path("id").asText("");
      messages.add(id.isEmpty() ? "line " + messages.size() : id);
      prefix = "turn " + messages.size() + ": ";
    }
    for (JsonNode block : message.path("content")) {
      String kind = block.path("type").asText("");
      if (kind.equals("tool_use")) {
        String tool = block.path("name").asText("tool");
        progress.report(prefix + tool + target(block.path("input")), fraction());
      } else if (kind.equals("text") && !block.path("text").asText("").isBlank()) {
        progress.report(prefix + shorten(block.path("text").asText(), 80), fraction());
      }
    }
  }

  // What a tool works on, for the progress line: a file, a command, a pattern.
  private static String target(JsonNode input) {
    for (String field : TARGETS) {
      if (input.path(field).isTextual()) {
        return " " + shorten(input.path(field).asText(), 60);
      }
    }
    return "";
  }

  private double fraction() {
    return maxTurns == null ? -1 : Math.min(0.95, (double) messages.size() / maxTurns);
  }

  private static String shorten(String text, int max) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= max ? line : line.substring(0, max - 1) + "…";
  }
}
