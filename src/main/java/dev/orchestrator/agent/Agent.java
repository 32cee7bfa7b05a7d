package dev.orchestrator.agent;

/**
 * Does the work of one task: writes its files into the assignment's workspace. One agent instance
 * serves one executor, so it is called by one thread at a time; agents know nothing of the queue.
 */
public interface Agent {

  /**
   * Executes one attempt of a task.
   *
   * @return what the attempt produced; the files are those in the workspace
   * @throws AgentException when the attempt failed
   * @throws InterruptedException when the run is cancelled; the agent stops its work
   */
  AgentResult execute(TaskAssignment assignment) throws InterruptedException;

  /**
   * What confines the processes this agent starts, recorded for every attempt whatever its outcome
   * (the summary's {@code details.sandbox}): {@code bwrap} or {@code none}; null for an agent that
   * starts none (a model agent writes only through the orchestrator's file tools).
   */
  default String sandbox() {
    return null;
  }
}
