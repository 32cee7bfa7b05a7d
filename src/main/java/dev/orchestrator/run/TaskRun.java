package dev.orchestrator.run;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.output.Attempt;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.plan.TaskStatus;
import dev.orchestrator.usage.TokenUsage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How the attempts at one task in this session ended, before its files are placed: the record of a
 * task that just ended. {@link #result} makes the one record of a finished task from it.
 *
 * @param output what the completing attempt produced; null unless completed
 * @param directory the last attempt's directory; null when cancelled
 * @param error why the task did not complete; null when it did
 * @param failedUsage what the attempts that failed spent (a completed run counts it in its output's
 *     usage); null when they reported nothing
 * @param failureDetails what the summary records of a failed task (what confined its agent)
 */
record TaskRun(
    Outcome outcome,
    List<Attempt> attempts,
    AttemptOutput output,
    Path directory,
    String error,
    TokenUsage failedUsage,
    Map<String, String> failureDetails) {

  /** How the task's attempts ended. */
  enum Outcome {
    COMPLETED,
    FAILED,
    /** The run was cancelled while an attempt ran or waited to retry. */
    CANCELLED
  }

  TaskRun {
    requireNonNull(outcome, "outcome");
    attempts = List.copyOf(attempts);
    failureDetails = Map.copyOf(failureDetails);
  }

  static TaskRun completed(List<Attempt> attempts, AttemptOutput output, Path directory) {
    return completed(attempts, output, directory, null);
  }

  static TaskRun completed(
      List<Attempt> attempts, AttemptOutput output, Path directory, TokenUsage failedUsage) {
    return new TaskRun(
        Outcome.COMPLETED,
        attempts,
        requireNonNull(output),
        directory,
        null,
        failedUsage,
        Map.of());
  }

  static TaskRun failed(
      List<Attempt> attempts,
      Path directory,
      String error,
      TokenUsage failedUsage,
      Map<String, String> details) {
    return new TaskRun(Outcome.FAILED, attempts, null, directory, error, failedUsage, details);
  }

  static TaskRun cancelled(List<Attempt> attempts, TokenUsage failedUsage) {
    return new TaskRun(Outcome.CANCELLED, attempts, null, null, "cancelled", failedUsage, Map.of());
  }

  /** What all its attempts spent: the failed ones and the one that completed; null if unknown. */
  TokenUsage usage() {
    return TokenUsage.sum(failedUsage, output == null ? null : output.result().usage());
  }

  /**
   * The task's result: completed or failed with its files in {@code rawDirectory}, or, cancelled,
   * not started (a later run does it again). What its attempts spent counts whatever the outcome.
   *
   * @param rawDirectory where its files are; ignored when cancelled
   */
  TaskResult result(String taskId, String name, Path rawDirectory, List<String> files) {
    boolean completed = outcome == Outcome.COMPLETED;
    boolean cancelled = outcome == Outcome.CANCELLED;
    return new TaskResult(
        taskId,
        name,
        completed ? TaskStatus.COMPLETED : cancelled ? TaskStatus.NOT_STARTED : TaskStatus.FAILED,
        attempts,
        cancelled ? null : rawDirectory,
        cancelled ? List.of() : files,
        null,
        usage(),
        completed ? output.result().details() : failureDetails,
        completed || cancelled ? null : error);
  }

  /**
   * The task's result when its files could not be placed: failed, its files left in the attempt's
   * directory, what its agent reported lost except what it spent.
   */
  TaskResult unplaced(String taskId, String name, String error) {
    return failed(attempts, directory, error, usage(), failureDetails)
        .result(taskId, name, directory, output == null ? List.of() : output.files());
  }

  Attempt lastAttempt() {
    return attempts.get(attempts.size() - 1);
  }
}
