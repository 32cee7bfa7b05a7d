package dev.orchestrator.repo;

import dev.orchestrator.OrchestratorException;

/**
 * A git command failed or found the repository in a state it cannot work with (a branch that
 * already exists, a branch that moved, a worktree git refuses). The message names the command and
 * carries git's own error; it is not the user's mistake as asked (exit 1), unlike {@link
 * UnusableRepositoryException}.
 */
public class RepositoryException extends OrchestratorException {

  public RepositoryException(String message) {
    super(message);
  }

  public RepositoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
