package dev.orchestrator.repo;

import dev.orchestrator.UsageException;

/**
 * The directory given as a repository cannot be one (not in a git work tree, a bare repository, no
 * commit yet) or git itself is missing or too old: the user's to fix, so a {@link UsageException}
 * (exit 2). The message says what is wrong and what to do.
 */
public class UnusableRepositoryException extends UsageException {

  public UnusableRepositoryException(String message) {
    super(message);
  }
}
