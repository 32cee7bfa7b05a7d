package dev.orchestrator.process;

import dev.orchestrator.OrchestratorException;

/**
 * A child process (an agent, Claude Code) that could not start, ended without a result or reported
 * an error; the message says why in words a user can act on.
 */
public class ProcessFailure extends OrchestratorException {

  private final boolean retryable;

  public ProcessFailure(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public ProcessFailure(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** Whether running it again might succeed (a crash, a transient provider error). */
  public boolean retryable() {
    return retryable;
  }
}
