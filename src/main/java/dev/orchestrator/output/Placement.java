package dev.orchestrator.output;

import static java.util.Objects.requireNonNull;

/**
 * One raw file copied into the consolidated project.
 *
 * @param source path in the task's raw directory, {@code /}-separated
 * @param target path in the output directory, {@code /}-separated, such as {@code src/app/main.py}
 */
public record Placement(String taskId, String source, String target) {

  public Placement {
    requireNonNull(taskId, "taskId");
    requireNonNull(source, "source");
    requireNonNull(target, "target");
  }
}
