package dev.orchestrator.agent;

import dev.orchestrator.OrchestratorException;

/** A task attempt that did not succeed; the message says why, in words a user can act on. */
public class AgentException extends OrchestratorException {

  private final boolean retryable;

  public AgentException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public AgentException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** Whether another attempt might succeed (a crash, a timeout, a transient provider error). */
  public boolean retryable() {
    return retryable;
  }
}
