package dev.orchestrator.output;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.plan.TaskStatus;
import dev.orchestrator.usage.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One task's line of the execution summary. Nullable fields are null when the figure was not
 * measured.
 *
 * @param executorId 1-based; null if the task never started
 * @param duration start of the first attempt to end of the last; null if it never started
 * @param outputFiles as the task's result lists them, relative to its raw directory
 * @param usage tokens and cost; null when no model was used
 * @param error why it failed or was skipped; null when it completed
 */
public record TaskSummary(
    String id,
    String name,
    Integer executorId,
    TaskStatus status,
    List<Attempt> attempts,
    Instant startedAt,
    Instant finishedAt,
    Duration duration,
    List<String> outputFiles,
    FileMetrics metrics,
    TokenUsage usage,
    Map<String, String> details,
    String error) {

  public TaskSummary {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(status, "status");
    requireNonNull(metrics, "metrics");
    attempts = List.copyOf(attempts);
    outputFiles = List.copyOf(outputFiles);
    details = Map.copyOf(details);
  }
}
