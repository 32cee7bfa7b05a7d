package dev.orchestrator.repo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One worktree of a repository as {@code git worktree list} sees it.
 *
 * @param path its directory
 * @param head the commit checked out (empty string for a bare main entry)
 * @param branch the branch checked out, without {@code refs/heads/}; empty when detached
 * @param locked whether {@code git worktree lock} protects it
 * @param prunable whether git would prune its record (its directory is gone)
 */
public record Worktree(
    Path path, String head, Optional<String> branch, boolean locked, boolean prunable) {

  public Worktree {
    requireNonNull(path, "path");
    requireNonNull(head, "head");
    requireNonNull(branch, "branch");
  }
}
