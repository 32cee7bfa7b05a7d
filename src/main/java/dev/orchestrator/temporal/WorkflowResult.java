package dev.orchestrator.temporal;

import java.util.List;

/**
 * How the run's workflow ended: the tasks that failed or were skipped (completions are in the
 * coordinator's journal by then), so that a coordinator that attached late still reports them.
 *
 * @param ends a {@link RunFact.Kind#FAILED} or {@link RunFact.Kind#SKIPPED} fact per such task
 * @param runs how many runs the workflow took (it continues as new when its history is full)
 */
public record WorkflowResult(List<RunFact> ends, int runs) {

  public WorkflowResult {
    ends = List.copyOf(ends);
  }
}
