package dev.orchestrator.repo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A task's work as a commit: the orchestrator, not the agent, commits what the agent left in its
 * worktree, with the repository's hooks off and its own identity, and reads the change back as a
 * patch or per-file counts.
 */
public final class TaskCommits {

  /** Options that keep a diff in git's plain format whatever the user's diff configuration. */
  private static final List<String> PLAIN_DIFF =
      List.of("--no-color", "--no-ext-diff", "--no-textconv", "--src-prefix=a/", "--dst-prefix=b/");

  private TaskCommits() {}

  /**
   * One file's change.
   *
   * @param path relative to the work tree, with {@code /}
   * @param insertions lines added, or -1 for a binary file
   * @param deletions lines removed, or -1 for a binary file
   */
  public record FileChange(String path, int insertions, int deletions) {

    public FileChange {
      requireNonNull(path, "path");
    }

    /** Whether git counted no lines because the file is binary. */
    public boolean binary() {
      return insertions < 0;
    }
  }

  /** A task's commit and the files it changed. */
  public record TaskCommit(String commit, List<FileChange> changes) {

    public TaskCommit {
      requireNonNull(commit, "commit");
      changes = List.copyOf(changes);
    }
  }

  /**
   * Stages everything in {@code worktree} ({@code git add -A}: changes, deletions, new files that
   * are not ignored) and commits it on the worktree's branch, with no hook run and the fixed
   * identity, so the user's {@code user.name} is not needed.
   *
   * @return the commit with the files it changed, or empty when nothing changed
   */
  public static Optional<TaskCommit> commitAll(GitRepository repo, Path worktree, String message) {
    return commitAll(repo, worktree, message, head(repo, worktree));
  }

  /**
   * Like {@link #commitAll(GitRepository, Path, String)} for a worktree cut at {@code since} whose
   * agent may have committed on its own: the result is the worktree's head after committing what is
   * left, with the files changed since {@code since}.
   *
   * @return empty when the head is still {@code since} and nothing changed
   */
  public static Optional<TaskCommit> commitAll(
      GitRepository repo, Path worktree, String message, String since) {
    requireNonNull(message, "message");
    String start = repo.resolve(since);
    Git git = repo.git();
    git.run(worktree, List.of("add", "-A", "--", ".")).orThrow();
    Git.Result staged = git.run(worktree, List.of("diff", "--cached", "--quiet"));
    if (staged.status() > 1) {
      staged.orThrow();
    }
    if (!staged.ok()) {
      git.run(
              worktree,
              List.of(
                  "commit",
                  "--quiet",
                  "--no-verify",
                  "--no-gpg-sign",
                  "--cleanup=whitespace",
                  "-m",
                  message))
          .orThrow();
    }
    String commit = head(repo, worktree);
    if (commit.equals(start)) {
      return Optional.empty();
    }
    return Optional.of(new TaskCommit(commit, diffStat(repo, start, commit)));
  }

  /** {@code git diff --binary from to}: a patch {@code git apply} takes, binary files included. */
  public static String patch(GitRepository repo, String from, String to) {
    GitRepository.requireRef(from);
    GitRepository.requireRef(to);
    List<String> args = new ArrayList<>(List.of("diff", "--binary"));
    args.addAll(PLAIN_DIFF);
    args.addAll(List.of(from, to, "--"));
    return repo.run(args).text();
  }

  /**
   * The files changed between two commits with their line counts ({@code --numstat}, no renames).
   */
  public static List<FileChange> diffStat(GitRepository repo, String from, String to) {
    GitRepository.requireRef(from);
    GitRepository.requireRef(to);
    List<String> args = new ArrayList<>(List.of("diff", "--numstat", "-z", "--no-renames"));
    args.addAll(PLAIN_DIFF);
    args.addAll(List.of(from, to, "--"));
    List<FileChange> changes = new ArrayList<>();
    for (String field : repo.run(args).fields()) {
      // Without renames each entry is "insertions<TAB>deletions<TAB>path"; "-" counts mean binary.
      String[] parts = field.split("\t", 3);
      changes.add(new FileChange(parts[2], count(parts[0]), count(parts[1])));
    }
    return List.copyOf(changes);
  }

  private static String head(GitRepository repo, Path worktree) {
    return repo.git().run(worktree, List.of("rev-parse", "--verify", "HEAD")).orThrow().line();
  }

  private static int count(String numstat) {
    return numstat.equals("-") ? -1 : Integer.parseInt(numstat);
  }
}
