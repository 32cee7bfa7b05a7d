package dev.orchestrator.output;

import static java.util.Objects.requireNonNull;

/**
 * A file a completed task listed that was not copied into the consolidated project. It stays in the
 * raw directory.
 *
 * @param path as listed, relative to the task's raw directory
 * @param reason why, for people: a cache directory, a path leaving the raw directory, a link
 */
public record SkippedFile(String taskId, String path, String reason) {

  public SkippedFile {
    requireNonNull(taskId, "taskId");
    requireNonNull(path, "path");
    requireNonNull(reason, "reason");
  }
}
