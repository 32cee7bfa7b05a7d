package dev.orchestrator;

/** The user asked for something that cannot be done as asked (exit code 2). */
public class UsageException extends OrchestratorException {

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
