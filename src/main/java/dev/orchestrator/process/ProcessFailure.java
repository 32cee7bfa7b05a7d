package dev.orchestrator.process;

import dev.orchestrator.OrchestratorException;
import dev.orchestrator.usage.TokenUsage;

/**
 * A child process (an agent, Claude Code) that could not start, ended without a result or reported
 * an error; the message says why in words a user can act on.
 */
public class ProcessFailure extends OrchestratorException {

  private final boolean retryable;
  private final transient TokenUsage usage;

  public ProcessFailure(String message, boolean retryable) {
    this(message, retryable, (TokenUsage) null);
  }

  /**
   * @param usage what the failed run reported it spent; null when it reported nothing
   */
  public ProcessFailure(String message, boolean retryable, TokenUsage usage) {
    super(message);
    this.retryable = retryable;
    this.usage = usage;
  }

  public ProcessFailure(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
    this.usage = null;
  }

  /** The tokens and cost the failed run reported; null when it reported none. */
  public TokenUsage usage() {
    return usage;
  }

  /** Whether running it again might succeed (a crash, a transient provider error). */
  public boolean retryable() {
    return retryable;
  }
}
