package dev.orchestrator.run;

import dev.orchestrator.output.Attempt;
import dev.orchestrator.usage.TokenUsage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A task that completed in an earlier run, as its journal record says, with its output files and
 * their SHA-256 hashes.
 *
 * @param rawDirectory absolute {@code executor_<k>/<task_id>} directory
 * @param files relative path to SHA-256 hex of every output file
 */
record CompletedTask(
    String taskId,
    Path rawDirectory,
    Map<String, String> files,
    List<Attempt> attempts,
    TokenUsage usage,
    Map<String, String> details) {

  /** A task that completed in this run, once its files are in their raw directory. */
  static CompletedTask of(String taskId, TaskRun run) {
    return new CompletedTask(
        taskId,
        run.directory(),
        run.output().manifest(),
        run.attempts(),
        run.usage(),
        run.output().result().details());
  }

  /** Its files' paths below its raw directory, sorted. */
  List<String> fileNames() {
    return files.keySet().stream().sorted().toList();
  }
}
