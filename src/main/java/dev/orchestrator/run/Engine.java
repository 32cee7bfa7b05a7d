package dev.orchestrator.run;

import dev.orchestrator.output.TaskResult;
import java.util.List;

/**
 * Where the task attempts of a run happen, when not on executor threads in this process (the
 * default engine). An engine only dispatches: the {@link Orchestrator} plans, prepares the output
 * directory, and consolidates and reports after {@link #execute} returns, on this machine.
 */
public interface Engine {

  /**
   * Runs every task of the run that did not complete before, at most the plan's executor budget at
   * once, and accepts each completed task's output through {@link EngineRun#accept}.
   *
   * @return one result per task of the plan, in plan order (see {@link EngineRun#results})
   * @throws InterruptedException if the calling thread is interrupted
   * @throws dev.orchestrator.UsageException if the engine cannot be reached or is set up wrongly
   */
  List<TaskResult> execute(EngineRun run) throws InterruptedException;
}
