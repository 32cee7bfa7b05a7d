package dev.orchestrator.temporal;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One run of a plan as a Temporal workflow; it runs on the workers, so it outlives the coordinator.
 */
@WorkflowInterface
public interface RunWorkflow {

  /** Dispatches every task that is not done yet and returns when all have ended. */
  @WorkflowMethod
  WorkflowResult run(WorkflowInput input);

  /**
   * A page of the files of every task the given one depends on, directly or not, nearest
   * dependencies last; complete once the task has been handed out. A query leaves no trace in the
   * history, but its answer may travel in the reply to a workflow task with every other answer
   * given meanwhile, so each is small ({@link DependencyPages#ANSWER_BYTES}); workers ask page
   * after page ({@link DependencyPages#collect}). Workers read the plan from the run's first
   * history event, never through a query: a large plan's answers would pass gRPC's 4 MB.
   *
   * @param bundle the first bundle of the page, 0 for the first page
   * @param offset the first byte of that bundle's zip, 0 for the first page
   */
  @QueryMethod
  DependencyPage dependencies(String taskId, int bundle, int offset);

  /**
   * Starts no further task, as a local run does when stopped ({@code --max-cost} reached, Ctrl-C):
   * running attempts finish and are recorded, tasks not started stay not started, and the workflow
   * ends. Sent again, or after the end, it does nothing.
   */
  @SignalMethod
  void stop();

  /**
   * Cancels the run, as Ctrl-C cancels a local one: nothing more starts, the running attempts are
   * cancelled (their workers end the agents) and recorded {@code cancelled}, their tasks stay not
   * started, and the workflow ends once the coordinator has their facts. Sent again, or after the
   * end, it does nothing.
   */
  @SignalMethod
  void cancel();
}
