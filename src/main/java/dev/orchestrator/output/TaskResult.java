package dev.orchestrator.output;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.plan.TaskStatus;
import dev.orchestrator.usage.TokenUsage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How one task of a run went, as measured: the one record of a finished task, whichever engine ran
 * it, whether it ended in this session or an earlier one, and as a line of the execution summary.
 * The executor, start, end and duration are those of its attempts.
 *
 * @param name the task's name in the plan
 * @param attempts every attempt started, in order (none when skipped or not started)
 * @param rawDirectory {@code executor_<k>/<task_id>} holding the raw output; null if never started.
 *     Not part of the summary file, so null in a summary
 * @param outputFiles files of the raw directory, relative to it, {@code /}-separated, sorted
 * @param metrics figures measured on the output files; null until the summary measures them
 * @param usage tokens and cost of all attempts; null when no model was used
 * @param details agent-specific facts (session id, turns); possibly empty
 * @param error why the task failed or was skipped; null when it completed
 */
public record TaskResult(
    String taskId,
    String name,
    TaskStatus status,
    List<Attempt> attempts,
    Path rawDirectory,
    List<String> outputFiles,
    FileMetrics metrics,
    TokenUsage usage,
    Map<String, String> details,
    String error) {

  public TaskResult {
    requireNonNull(taskId, "taskId");
    requireNonNull(name, "name");
    requireNonNull(status, "status");
    attempts = List.copyOf(attempts);
    outputFiles = List.copyOf(outputFiles);
    details = Map.copyOf(details);
  }

  /** A task that did not run: skipped (with the reason) or not started. */
  public static TaskResult notRun(String taskId, String name, TaskStatus status, String error) {
    return new TaskResult(
        taskId, name, status, List.of(), null, List.of(), null, null, Map.of(), error);
  }

  /** 1-based executor that ran the last attempt; null if the task never started. */
  public Integer executorId() {
    return attempts.isEmpty() ? null : last().executorId();
  }

  /** Start of the first attempt; null if the task never started. */
  public Instant startedAt() {
    return attempts.isEmpty() ? null : attempts.get(0).startedAt();
  }

  /** End of the last attempt; null if the task never started. */
  public Instant finishedAt() {
    return attempts.isEmpty() ? null : last().finishedAt();
  }

  /** Start of the first attempt to end of the last; null if the task never started. */
  public Duration duration() {
    return attempts.isEmpty() ? null : Duration.between(startedAt(), finishedAt());
  }

  /** The same result with its output measured. */
  public TaskResult measured(FileMetrics measured) {
    return new TaskResult(
        taskId, name, status, attempts, rawDirectory, outputFiles, measured, usage, details, error);
  }

  /** The same result with its raw output in {@code directory}. */
  public TaskResult in(Path directory) {
    return new TaskResult(
        taskId, name, status, attempts, directory, outputFiles, metrics, usage, details, error);
  }

  private Attempt last() {
    return attempts.get(attempts.size() - 1);
  }
}
