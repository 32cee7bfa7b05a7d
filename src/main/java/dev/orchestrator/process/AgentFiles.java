package dev.orchestrator.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command-line agent's prompt and logs live: {@code .agent/} in its task workspace, so they
 * stay with the task's raw output ({@code executor_<k>/<task_id>/.agent/}) without being part of
 * the project; consolidation leaves the directory out.
 *
 * @param prompt the prompt the agent was given ({@code .agent/prompt.md})
 * @param stdout its standard output, as it wrote it ({@code .agent/stdout.log}; for Claude Code the
 *     stream-json events)
 * @param stderr its standard error ({@code .agent/stderr.log})
 */
public record AgentFiles(Path prompt, Path stdout, Path stderr) {

  /** The directory's name, relative to the workspace root. */
  public static final String DIRECTORY = ".agent";

  /** The files of a workspace; nothing is created. */
  public static AgentFiles in(Path workspaceRoot) {
    Path directory = workspaceRoot.resolve(DIRECTORY);
    return new AgentFiles(
        directory.resolve("prompt.md"),
        directory.resolve("stdout.log"),
        directory.resolve("stderr.log"));
  }

  /** Whether a workspace-relative path ({@code /}-separated) lies in the directory. */
  public static boolean contains(String relativePath) {
    return relativePath.startsWith(DIRECTORY + "/");
  }

  /**
   * Writes the prompt file, creating the directory.
   *
   * @throws UncheckedIOException if it cannot be written
   */
  public void writePrompt(String text) {
    try {
      Files.createDirectories(prompt.getParent());
      Files.writeString(prompt, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the prompt " + prompt, e);
    }
  }
}
