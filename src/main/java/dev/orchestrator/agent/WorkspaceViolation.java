package dev.orchestrator.agent;

/** An agent tried to write or read outside its workspace, or a file over the size cap. */
public class WorkspaceViolation extends AgentException {

  public WorkspaceViolation(String message) {
    super(message, false);
  }
}
