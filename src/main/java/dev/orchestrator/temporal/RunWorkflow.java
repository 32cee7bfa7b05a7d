package dev.orchestrator.temporal;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * One run of a plan as a Temporal workflow; it runs on the workers, so it outlives the coordinator.
 */
@WorkflowInterface
public interface RunWorkflow {

  /** Dispatches every task that is not done yet and returns when all have ended. */
  @WorkflowMethod
  WorkflowResult run(WorkflowInput input);

  /**
   * The plan, as JSON: workers ask once per run instead of receiving it with every task. A query
   * leaves no trace in the history.
   */
  @QueryMethod
  String plan();

  /**
   * The files of every task the given one depends on, directly or not, nearest dependencies last;
   * complete once the task has been handed out.
   */
  @QueryMethod
  List<Bundle> dependencies(String taskId);

  /**
   * Starts no further task, as a local run does when stopped ({@code --max-cost} reached, Ctrl-C):
   * running attempts finish and are recorded, tasks not started stay not started, and the workflow
   * ends. Sent again, or after the end, it does nothing.
   */
  @SignalMethod
  void stop();
}
