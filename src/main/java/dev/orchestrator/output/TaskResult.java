package dev.orchestrator.output;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.plan.TaskStatus;
import dev.orchestrator.usage.TokenUsage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What happened to one task in a run, as measured.
 *
 * @param executorId 1-based executor that ran the last attempt; null if the task never started
 * @param attempts every attempt started, in order (none when skipped or not started)
 * @param startedAt start of the first attempt; null if never started
 * @param finishedAt end of the last attempt; null if never started
 * @param rawDirectory {@code executor_<k>/<task_id>} holding the raw output; null if never started
 * @param outputFiles files of the raw directory, relative to it, {@code /}-separated, sorted
 * @param usage tokens and cost of all attempts; null when no model was used
 * @param details agent-specific facts (session id, turns); possibly empty
 * @param error why the task failed or was skipped; null when it completed
 */
public record TaskResult(
    String taskId,
    TaskStatus status,
    Integer executorId,
    List<Attempt> attempts,
    Instant startedAt,
    Instant finishedAt,
    Path rawDirectory,
    List<String> outputFiles,
    TokenUsage usage,
    Map<String, String> details,
    String error) {

  public TaskResult {
    requireNonNull(taskId, "taskId");
    requireNonNull(status, "status");
    attempts = List.copyOf(attempts);
    outputFiles = List.copyOf(outputFiles);
    details = Map.copyOf(details);
  }
}
