package dev.orchestrator;

/**
 * Base of the failures a user can act on. Its message says what went wrong and what to do; the
 * command line prints it without a stack trace. Bugs stay {@link IllegalStateException}.
 */
public class OrchestratorException extends RuntimeException {

  public OrchestratorException(String message) {
    super(message);
  }

  public OrchestratorException(String message, Throwable cause) {
    super(message, cause);
  }
}
