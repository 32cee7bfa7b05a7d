package dev.orchestrator.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.orchestrator.Json;
import dev.orchestrator.plan.FilePatterns;
import dev.orchestrator.plan.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The tools a language-model agent works with, and what calling them does. Every write goes through
 * the task's {@link TaskWorkspace}; a refused path or size, a missing file or malformed arguments
 * come back to the model as an error result it can act on, never as an exception.
 */
final class FileTools {

  static final String WRITE_FILE = "write_file";
  static final String READ_FILE = "read_file";
  static final String LIST_FILES = "list_files";
  static final String FINISH = "finish";

  /** The task's own README, which every task may write: consolidation combines them. */
  static final String README = "README.md";

  private static final int MAX_READ_CHARS = 200_000;

  /** The tools, in the order the model sees them; the same for every task, so they cache. */
  static final List<ToolSpecification> SPECIFICATIONS =
      List.of(
          ToolSpecification.builder()
              .name(WRITE_FILE)
              .description(
                  "Write a whole text file of your task, creating directories and replacing an"
                      + " earlier version. The path is relative to the project root, e.g."
                      + " src/api/app.py.")
              .parameters(
                  JsonObjectSchema.builder()
                      .addStringProperty("path", "project-relative path")
                      .addStringProperty("content", "the whole file content")
                      .required("path", "content")
                      .build())
              .build(),
          ToolSpecification.builder()
              .name(READ_FILE)
              .description(
                  "Read a file you wrote or a file the tasks you depend on produced, by its"
                      + " project-relative path.")
              .parameters(
                  JsonObjectSchema.builder()
                      .addStringProperty("path", "project-relative path")
                      .required("path")
                      .build())
              .build(),
          ToolSpecification.builder()
              .name(LIST_FILES)
              .description("List the files you wrote and the files your dependencies produced.")
              .parameters(JsonObjectSchema.builder().build())
              .build(),
          ToolSpecification.builder()
              .name(FINISH)
              .description("Call when the task is done, with a short summary of what you built.")
              .parameters(
                  JsonObjectSchema.builder()
                      .addStringProperty("summary", "what you built, in one or two sentences")
                      .required("summary")
                      .build())
              .build());

  private final Task task;
  private final TaskWorkspace workspace;
  private final DependencyFiles dependencies;

  FileTools(Task task, TaskWorkspace workspace, DependencyFiles dependencies) {
    this.task = task;
    this.workspace = workspace;
    this.dependencies = dependencies;
  }

  /**
   * What one tool call did.
   *
   * @param written the path written, or null
   * @param finished the summary of a {@code finish} call, or null for other calls
   */
  record Outcome(ToolExecutionResultMessage message, String written, String finished) {}

  /** Runs one tool call. */
  Outcome execute(ToolExecutionRequest call) {
    ToolExecutionResultMessage result = run(call);
    boolean ok = !Boolean.TRUE.equals(result.isError());
    String path = null;
    String summary = null;
    if (ok && call.name().equals(WRITE_FILE)) {
      path = text(arguments(call), "path");
    } else if (ok && call.name().equals(FINISH)) {
      summary = text(arguments(call), "summary");
    }
    return new Outcome(result, path, summary);
  }

  private ToolExecutionResultMessage run(ToolExecutionRequest call) {
    JsonNode arguments;
    try {
      String text =
          call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments();
      arguments = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      return error(
          call,
          "the arguments are not valid JSON ("
              + e.getOriginalMessage()
              + "); call "
              + call.name()
              + " again with a JSON object");
    }
    switch (call.name()) {
      case WRITE_FILE:
        return write(call, arguments);
      case READ_FILE:
        return read(call, text(arguments, "path"));
      case LIST_FILES:
        return ok(call, list());
      case FINISH:
        return ok(call, "done");
      default:
        return error(
            call,
            "there is no tool \""
                + call.name()
                + "\"; use "
                + WRITE_FILE
                + ", "
                + READ_FILE
                + ", "
                + LIST_FILES
                + " or "
                + FINISH);
    }
  }

  private static JsonNode arguments(ToolExecutionRequest call) {
    try {
      return Json.mapper().readTree(call.arguments());
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /**
   * Writes one file and says how it went, in words for the model.
   *
   * @return null when written, else why not
   */
  String writeFile(String path, String content) {
    try {
      workspace.write(path, content);
      return null;
    } catch (WorkspaceViolation e) {
      return e.getMessage();
    } catch (UncheckedIOException e) {
      // A directory where a file should go, a read-only tree: the model can choose another path.
      return "cannot write " + path + " (" + e.getCause().getMessage() + ")";
    }
  }

  private ToolExecutionResultMessage write(ToolExecutionRequest call, JsonNode arguments) {
    String path = text(arguments, "path");
    JsonNode content = arguments.get("content");
    if (path.isBlank() || content == null || !content.isTextual()) {
      return error(call, WRITE_FILE + " needs a \"path\" and a \"content\" string");
    }
    String refused = writeFile(path, content.asText());
    if (refused != null) {
      return error(call, "refused: " + refused);
    }
    String note =
        task.files().isEmpty()
                || path.equals(README)
                || FilePatterns.overlap(task.files(), List.of(path))
            ? ""
            : "; note: it is outside the files your task owns ("
                + String.join(", ", task.files())
                + "), where another task may write";
    return ok(call, "wrote " + path + " (" + content.asText().length() + " characters)" + note);
  }

  private ToolExecutionResultMessage read(ToolExecutionRequest call, String path) {
    String content;
    try {
      content = workspace.read(path);
    } catch (WorkspaceViolation notInWorkspace) {
      DependencyFiles.File file = dependencies.find(path).orElse(null);
      if (file == null) {
        return error(
            call,
            notInWorkspace.getMessage()
                + ", nor among your dependencies' files; "
                + LIST_FILES
                + " shows them");
      }
      try {
        content = Files.readString(file.location());
      } catch (IOException e) {
        return error(call, "cannot read " + path + ": " + e.getMessage());
      }
    } catch (UncheckedIOException e) {
      return error(call, "cannot read " + path + ": " + e.getCause().getMessage());
    }
    return ok(
        call,
        content.length() <= MAX_READ_CHARS
            ? content
            : content.substring(0, MAX_READ_CHARS)
                + "\n(cut: the file has "
                + content.length()
                + " characters)");
  }

  private String list() {
    List<String> lines = new ArrayList<>();
    List<String> own = workspace.files();
    lines.add("Your files: " + (own.isEmpty() ? "none yet" : String.join(", ", own)));
    for (DependencyFiles.File file : dependencies.files()) {
      lines.add(file.path() + " (from " + file.taskId() + ")");
    }
    return String.join("\n", lines);
  }

  private static String text(JsonNode arguments, String field) {
    JsonNode value = arguments == null ? null : arguments.get(field);
    return value != null && value.isTextual() ? value.asText() : "";
  }

  private static ToolExecutionResultMessage ok(ToolExecutionRequest call, String text) {
    return ToolExecutionResultMessage.builder()
        .id(call.id())
        .toolName(call.name())
        .text(text)
        .build();
  }

  private static ToolExecutionResultMessage error(ToolExecutionRequest call, String text) {
    return ToolExecutionResultMessage.builder()
        .id(call.id())
        .toolName(call.name())
        .text(text)
        .isError(true)
        .build();
  }
}
