package dev.orchestrator.llm;

import dev.orchestrator.OrchestratorException;

/**
 * Requests kept failing in a transient way (rate limits, overload, server errors, timeouts, dropped
 * connections) until the retries ran out. Trying again later may succeed.
 */
public class ProviderUnavailable extends OrchestratorException {

  /**
   * @param cause the last failure, or null
   */
  public ProviderUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
