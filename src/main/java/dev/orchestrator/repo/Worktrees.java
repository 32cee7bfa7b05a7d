package dev.orchestrator.repo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The linked worktrees of a repository: made outside the user's work tree (or inside its git
 * directory), removed only through {@code git worktree remove} without {@code --force}, so a
 * worktree holding a change that is not committed is never deleted.
 */
public final class Worktrees {

  private static final Logger log = LoggerFactory.getLogger(Worktrees.class);

  // git reads every worktree's record while it adds, lists or removes one, and dies on a record
  // another git is half-way through writing ("failed to read .git/worktrees/<name>/commondir"),
  // so this process runs those commands one at a time per repository.
  private static final ConcurrentMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

  private final GitRepository repository;

  Worktrees(GitRepository repository) {
    this.repository = repository;
  }

  /**
   * Adds a linked worktree at {@code where} on a new branch cut from {@code startCommit}.
   *
   * @return its directory, absolute
   * @throws RepositoryException if {@code where} is inside the user's work tree (and not in its git
   *     directory), exists and is not empty, or the branch exists already
   */
  public Path add(Path where, String branch, String startCommit) {
    Path target = prepare(where);
    GitRepository.requireRef(branch);
    String commit = repository.resolve(startCommit);
    worktreeCommand(
            List.of("worktree", "add", "--quiet", "-b", branch, "--", target.toString(), commit))
        .orThrow();
    return target;
  }

  /** Adds a linked worktree at {@code where} with {@code commit} checked out, on no branch. */
  public Path addDetached(Path where, String commit) {
    Path target = prepare(where);
    String id = repository.resolve(commit);
    worktreeCommand(List.of("worktree", "add", "--quiet", "--detach", "--", target.toString(), id))
        .orThrow();
    return target;
  }

  /**
   * Removes the worktree at {@code where} if it has no uncommitted change: no modified or staged
   * tracked file, no untracked file that is not ignored (ignored files, such as build output, go
   * with it). A worktree whose directory is gone has its record pruned.
   *
   * @return whether it was removed; false leaves it as it is (it has changes, or it is locked)
   */
  public boolean removeIfClean(Path where) {
    Path target = where.toAbsolutePath().normalize();
    if (!Files.exists(target)) {
      prune();
      return true;
    }
    Git.Result status =
        repository
            .git()
            .run(target, List.of("status", "--porcelain=v1", "-z", "--untracked-files=all"));
    if (!status.ok() || !status.fields().isEmpty()) {
      log.info("keeping worktree {}: it has changes that are not committed", target);
      return false;
    }
    // No --force: git refuses on its own if something changed since the check above.
    Git.Result removed = worktreeCommand(List.of("worktree", "remove", target.toString()));
    if (!removed.ok()) {
      log.info("keeping worktree {}: {}", target, removed.stderr().strip());
    }
    return removed.ok();
  }

  /** Drops git's records of worktrees whose directories are gone ({@code git worktree prune}). */
  public void prune() {
    worktreeCommand(List.of("worktree", "prune")).orThrow();
  }

  /** All worktrees, the main one first ({@code git worktree list --porcelain -z}). */
  public List<Worktree> list() {
    List<Worktree> worktrees = new ArrayList<>();
    Path path = null;
    String head = "";
    Optional<String> branch = Optional.empty();
    boolean locked = false;
    boolean prunable = false;
    // Records are attribute fields ended by an empty field; a trailing empty field ends the last.
    for (String field :
        worktreeCommand(List.of("worktree", "list", "--porcelain", "-z"))
            .orThrow()
            .text()
            .split("\0", -1)) {
      if (field.isEmpty()) {
        if (path != null) {
          worktrees.add(new Worktree(path, head, branch, locked, prunable));
        }
        path = null;
        head = "";
        branch = Optional.empty();
        locked = false;
        prunable = false;
      } else if (field.startsWith("worktree ")) {
        path = Path.of(field.substring("worktree ".length()));
      } else if (field.startsWith("HEAD ")) {
        head = field.substring("HEAD ".length());
      } else if (field.startsWith("branch ")) {
        branch = Optional.of(field.substring("branch ".length()).replaceFirst("^refs/heads/", ""));
      } else if (field.equals("locked") || field.startsWith("locked ")) {
        locked = true;
      } else if (field.equals("prunable") || field.startsWith("prunable ")) {
        prunable = true;
      }
    }
    return List.copyOf(worktrees);
  }

  private Git.Result worktreeCommand(List<String> args) {
    synchronized (LOCKS.computeIfAbsent(repository.gitDir(), d -> new Object())) {
      return repository.git().run(repository.workTree(), args);
    }
  }

  private Path prepare(Path where) {
    Path target = where.toAbsolutePath().normalize();
    try {
      // Checked before anything is made: a refused place must not leave a directory behind.
      Path existing = target;
      while (!Files.exists(existing)) {
        existing = existing.getParent();
      }
      Path real = existing.toRealPath().resolve(existing.relativize(target));
      if (real.startsWith(repository.workTree()) && !real.startsWith(repository.gitDir())) {
        throw new RepositoryException(
            target
                + " is inside the work tree "
                + repository.workTree()
                + "; worktrees go outside it (or in its git directory) so that the user's files"
                + " and file watchers never see them");
      }
      if (Files.exists(real)) {
        try (var entries = Files.list(real)) {
          if (entries.findAny().isPresent()) {
            throw new RepositoryException(
                target + " exists and is not empty; choose another place for the worktree");
          }
        }
      }
      Files.createDirectories(real.getParent());
      return real;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + target + " for a worktree", e);
    }
  }
}
