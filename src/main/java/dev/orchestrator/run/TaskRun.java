package dev.orchestrator.run;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.output.Attempt;
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
 */
record TaskRun(
    Outcome outcome,
    List<Attempt> attempts,
    AttemptOutput output,
    Path directory,
    List<String> files,
    String error) {

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
    return new TaskRun(Outcome.COMPLETED, attempts, output, directory, output.files(), null);
  }

  static TaskRun failed(List<Attempt> attempts, Path directory, String error) {
    return new TaskRun(Outcome.FAILED, attempts, null, directory, List.of(), error);
  }

  static TaskRun cancelled(List<Attempt> attempts) {
    return new TaskRun(Outcome.CANCELLED, attempts, null, null, List.of(), "cancelled");
  }

  /** The same run with its files moved into {@code directory}. */
  TaskRun movedTo(Path directory, List<String> files) {
    return new TaskRun(outcome, attempts, output, directory, files, error);
  }

  /** The same run, failed after all: its output could not be kept. */
  TaskRun failedWith(String error) {
    return new TaskRun(Outcome.FAILED, attempts, null, directory, files, error);
  }

  Attempt lastAttempt() {
    return attempts.get(attempts.size() - 1);
  }
}
