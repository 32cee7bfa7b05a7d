package dev.orchestrator.run;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.output.Attempt;
import dev.orchestrator.usage.TokenUsage;
import java.nio.file.Path;
import java.util.List;

/**
 * How the attempts at one task in this run went.
 *
 * @param output what the completing attempt produced; null unless completed
 * @param directory where the last attempt's files are: its attempt directory until they are moved
 *     into {@code executor_<k>/<task_id>/}; null when cancelled
 * @param files the files in {@code directory}, relative, sorted
 * @param error why the task did not complete; null when it did
 * @param failedUsage what the attempts that failed spent (a completed run counts it in its output's
 *     usage); null when they reported nothing
 */
record TaskRun(
    Outcome outcome,
    List<Attempt> attempts,
    AttemptOutput output,
    Path directory,
    List<String> files,
    String error,
    TokenUsage failedUsage) {

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
    files = List.copyOf(files);
  }

  static TaskRun completed(List<Attempt> attempts, AttemptOutput output, Path directory) {
    return completed(attempts, output, directory, null);
  }

  static TaskRun completed(
      List<Attempt> attempts, AttemptOutput output, Path directory, TokenUsage failedUsage) {
    return new TaskRun(
        Outcome.COMPLETED, attempts, output, directory, output.files(), null, failedUsage);
  }

  static TaskRun failed(
      List<Attempt> attempts, Path directory, String error, TokenUsage failedUsage) {
    return new TaskRun(Outcome.FAILED, attempts, null, directory, List.of(), error, failedUsage);
  }

  static TaskRun cancelled(List<Attempt> attempts, TokenUsage failedUsage) {
    return new TaskRun(
        Outcome.CANCELLED, attempts, null, null, List.of(), "cancelled", failedUsage);
  }

  /** What all its attempts spent: the failed ones and the one that completed; null if unknown. */
  TokenUsage usage() {
    return TokenUsage.sum(failedUsage, output == null ? null : output.result().usage());
  }

  /** The same run with its files moved into {@code directory}. */
  TaskRun movedTo(Path directory, List<String> files) {
    return new TaskRun(outcome, attempts, output, directory, files, error, failedUsage);
  }

  /** The same run, failed after all: its output could not be kept. */
  TaskRun failedWith(String error) {
    return new TaskRun(Outcome.FAILED, attempts, null, directory, files, error, usage());
  }

  Attempt lastAttempt() {
    return attempts.get(attempts.size() - 1);
  }
}
