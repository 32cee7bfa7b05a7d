package dev.orchestrator.temporal;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** One attempt at one task, on whichever worker polls first. */
@ActivityInterface
public interface TaskActivity {

  /**
   * Error type of an attempt the agent failed (or that ran out of time): the workflow decides, by
   * the run's retry policy, whether another attempt follows. Temporal itself retries only attempts
   * whose worker was lost.
   */
  String AGENT_FAILURE = "AgentFailure";

  /**
   * Runs the attempt and returns its output.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link #AGENT_FAILURE}, not retryable by
   *     Temporal, with an {@link AttemptRecord} and whether the run's policy may retry it as
   *     details
   */
  @ActivityMethod(name = "AttemptTask")
  TaskDelivery attempt(TaskOrder order);
}
