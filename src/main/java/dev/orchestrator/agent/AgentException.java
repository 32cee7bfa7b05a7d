package dev.orchestrator.agent;

import dev.orchestrator.OrchestratorException;
import dev.orchestrator.usage.TokenUsage;

/** A task attempt that did not succeed; the message says why, in words a user can act on. */
public class AgentException extends OrchestratorException {

  private final boolean retryable;
  private final transient TokenUsage usage;

  public AgentException(String message, boolean retryable) {
    this(message, retryable, null, null);
  }

  public AgentException(String message, boolean retryable, Throwable cause) {
    this(message, retryable, cause, null);
  }

  /**
   * @param usage the tokens and cost the failed attempt spent, counted like a completed one's; null
   *     when unknown or none
   */
  public AgentException(String message, boolean retryable, Throwable cause, TokenUsage usage) {
    super(message, cause);
    this.retryable = retryable;
    this.usage = usage;
  }

  /** What the failed attempt spent; null when unknown or none. */
  public TokenUsage usage() {
    return usage;
  }

  /** Whether another attempt might succeed (a crash, a timeout, a transient provider error). */
  public boolean retryable() {
    return retryable;
  }
}
