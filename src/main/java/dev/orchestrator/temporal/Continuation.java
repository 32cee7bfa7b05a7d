package dev.orchestrator.temporal;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one run of the workflow hands the next when its history is full and it continues as new:
 * small enough for one payload, since the files of completed tasks travel as {@link Bundle}s in
 * {@link WorkflowInput#completed()} (references with {@code --artifact-dir}, and only those a task
 * not yet ended still needs).
 *
 * @param run the number of this run in the chain, 1 for the first
 * @param ended tasks that ended in earlier runs and whose files no task still needs: completed,
 *     failed or skipped (every dependent of a failed task was skipped with it, so the next run may
 *     count them all as done)
 * @param ends the failed and skipped tasks so far, for the final {@link WorkflowResult}
 * @param stopped whether a stop came before the hand-over
 * @param spentUsd what the attempts of earlier runs spent, as their workers measured it, an exact
 *     decimal; null when some attempt's cost was unknown
 */
public record Continuation(
    int run, List<String> ended, List<RunFact> ends, boolean stopped, BigDecimal spentUsd) {

  /** The first run of a chain. */
  public static final Continuation FIRST =
      new Continuation(1, List.of(), List.of(), false, BigDecimal.ZERO);

  public Continuation {
    if (run < 1) {
      throw new IllegalArgumentException("run must be 1 or more, was " + run);
    }
    ended = List.copyOf(ended);
    ends = List.copyOf(ends);
  }

  /** Whether this run continues an earlier one (whose facts the coordinator has heard). */
  boolean continued() {
    return run > 1;
  }
}
