package dev.orchestrator.output.report;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.output.TaskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a task of a run on a repository changed, from its summary {@code details} (which the
 * repository mode's agent writes: {@code commit}, {@code merge}, {@code changes}, {@code
 * undeclared}, {@code setup}, {@code superseded}) and its patch.
 *
 * @param commit the task's commit; null when it changed no file
 * @param merge how it reached the run's branch: {@code clean}, {@code rerun}, …
 * @param files the files changed, parsed from {@code changes}; empty when that does not parse
 * @param changes the {@code changes} detail as written, shown when it does not parse
 * @param undeclared files changed outside the task's claim, comma-separated; null when none
 * @param setup how the worktree's set-up command went; null when there was none
 * @param superseded the colliding first attempt's branch and commit; null without a rerun
 * @param patch the start of its patch; null when it made no commit
 */
record TaskChange(
    String taskId,
    String name,
    String commit,
    String merge,
    List<FileChange> files,
    String changes,
    String undeclared,
    String setup,
    String superseded,
    PatchExcerpt patch) {

  /** The summary's detail that marks a task run on a repository. */
  static final String MERGE = "merge";

  // One entry of the changes detail: "src/a.py +3 -1" or "logo.png binary", ", " between entries.
  private static final Pattern ENTRY =
      Pattern.compile("(.+?) (?:\\+(\\d{1,9}) -(\\d{1,9})|binary)(?:, (?=.)|$)");

  TaskChange {
    requireNonNull(taskId, "taskId");
    requireNonNull(name, "name");
    files = List.copyOf(files);
  }

  /**
   * A file the task changed.
   *
   * @param insertions null for a binary file, like {@code deletions}
   */
  record FileChange(String path, Integer insertions, Integer deletions) {}

  /** The change of a task from its summary line; null when it did not run on a repository. */
  static TaskChange of(TaskResult line, PatchExcerpt.Reader patches) {
    Map<String, String> details = line.details();
    if (!details.containsKey(MERGE)) {
      return null;
    }
    String changes = details.get("changes");
    PatchExcerpt patch =
        details.get("commit") == null || line.executorId() == null
            ? null
            : patches.read(line.executorId(), line.taskId());
    return new TaskChange(
        line.taskId(),
        line.name(),
        details.get("commit"),
        details.get(MERGE),
        files(changes),
        changes,
        details.get("undeclared"),
        details.get("setup"),
        details.get("superseded"),
        patch);
  }

  /** {@code src/a.py +3 -1, logo.png binary} as files; empty unless all of it parses. */
  static List<FileChange> files(String changes) {
    if (changes == null) {
      return List.of();
    }
    List<FileChange> files = new ArrayList<>();
    Matcher m = ENTRY.matcher(changes);
    int at = 0;
    while (at < changes.length()) {
      if (!m.region(at, changes.length()).lookingAt()) {
        return List.of();
      }
      files.add(
          new FileChange(
              m.group(1),
              m.group(2) == null ? null : Integer.valueOf(m.group(2)),
              m.group(3) == null ? null : Integer.valueOf(m.group(3))));
      at = m.end();
    }
    return files;
  }
}
