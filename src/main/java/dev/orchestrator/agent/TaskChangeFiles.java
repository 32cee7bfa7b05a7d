package dev.orchestrator.agent;

import dev.orchestrator.AtomicFile;
import dev.orchestrator.process.AgentFiles;
import dev.orchestrator.repo.GitRepository;
import dev.orchestrator.repo.RepositoryException;
import dev.orchestrator.repo.TaskCommits;
import dev.orchestrator.repo.TaskCommits.FileChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a task's change on a repository leaves beside its commit: the changed files as the attempt's
 * output (for the summary, the journal and the run's consolidated view), the patch in {@code
 * executor_<k>/<task>.patch}, and the agent's own prompt and logs, kept out of the commit.
 */
final class TaskChangeFiles {

  private TaskChangeFiles() {}

  /** {@code src/a.py +3 -1, logo.png binary}. */
  static String describe(List<FileChange> changes) {
    return changes.stream()
        .map(
            c ->
                c.path()
                    + (c.insertions() < 0
                        ? " binary"
                        : " +" + c.insertions() + " -" + c.deletions()))
        .collect(Collectors.joining(", "));
  }

  // The agent's prompt and logs (.agent/) are the attempt's records, not the task's change: they
  // move to the attempt's directory before the commit, a rerun's below .agent/rerun/.
  static void keepAgentFiles(Path worktree, TaskWorkspace attempt, int round) {
    Path files = worktree.resolve(AgentFiles.DIRECTORY);
    if (!Files.isDirectory(files, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Path target = attempt.root().resolve(AgentFiles.DIRECTORY);
    try {
      if (round > 1) {
        target = target.resolve("rerun");
      }
      Files.createDirectories(target.getParent());
      Files.move(files, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + files + " to " + target, e);
    }
  }

  // The changed regular files (not links: their targets are not the task's) as the attempt's
  // output; deleted files are in the commit and the patch only.
  static void copyFromWorktree(Path worktree, List<FileChange> changes, TaskWorkspace output) {
    for (FileChange change : changes) {
      Path file = worktree.resolve(change.path());
      if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Path target = output.resolve(change.path());
          Files.createDirectories(target.getParent());
          Files.copy(file, target, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot keep " + change.path() + " of " + worktree, e);
        }
      }
    }
  }

  static void writePatch(WorktreeAgent.Work w, int executor, String task, String from, String to) {
    Path file = w.runDirectory().resolve("executor_" + executor).resolve(task + ".patch");
    try {
      Files.createDirectories(file.getParent());
      AtomicFile.write(file, TaskCommits.patch(w.repository(), from, to));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The changed files as they are in {@code commit}, for a commit an earlier session made. */
  static void copyFromCommit(
      GitRepository repository, String commit, List<FileChange> changes, TaskWorkspace output) {
    for (FileChange change : changes) {
      byte[] content;
      try {
        content = repository.fileAt(commit, change.path());
      } catch (RepositoryException e) {
        continue; // deleted by the task: in the commit and the patch only
      }
      try {
        Path target = output.resolve(change.path());
        Files.createDirectories(target.getParent());
        Files.write(target, content);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot keep " + change.path() + " of " + commit, e);
      }
    }
  }
}
