package dev.orchestrator.llm.fake;

import java.util.Map;

/** A tool call the fake model makes: a name and its input object. */
public record ToolCall(String name, Map<String, Object> input) {

  public static ToolCall writeFile(String path, String content) {
    return new ToolCall("write_file", Map.of("path", path, "content", content));
  }

  public static ToolCall readFile(String path) {
    return new ToolCall("read_file", Map.of("path", path));
  }

  public static ToolCall listFiles() {
    return new ToolCall("list_files", Map.of());
  }

  public static ToolCall finish(String summary) {
    return new ToolCall("finish", Map.of("summary", summary));
  }
}
