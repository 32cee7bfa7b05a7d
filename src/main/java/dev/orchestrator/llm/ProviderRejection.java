package dev.orchestrator.llm;

import dev.orchestrator.ConfigurationException;

/**
 * The provider refused a request in a way that repeating it cannot fix: a bad key (401), no access
 * (403), an unknown model or URL (404), a malformed or oversized request (400), no quota left. The
 * message says which and what to check; it never contains the key.
 */
public class ProviderRejection extends ConfigurationException {

  private final int statusCode;

  public ProviderRejection(String message, int statusCode) {
    super(message);
    this.statusCode = statusCode;
  }

  /** The HTTP status, or 0 when the request never got an answer. */
  public int statusCode() {
    return statusCode;
  }
}
