package dev.orchestrator.temporal;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.usage.TokenUsage;
import java.util.Map;

/**
 * A completed attempt as a worker returns it.
 *
 * @param files the attempt's output files
 * @param manifest relative path to SHA-256 hex of every file in {@code files}
 * @param usage tokens and cost; null when no model was used
 */
public record TaskDelivery(
    String taskId,
    AttemptRecord attempt,
    Bundle files,
    Map<String, String> manifest,
    String summary,
    TokenUsage usage,
    Map<String, String> details) {

  public TaskDelivery {
    requireNonNull(taskId, "taskId");
    requireNonNull(attempt, "attempt");
    requireNonNull(files, "files");
    manifest = Map.copyOf(manifest);
    details = Map.copyOf(details);
  }
}
