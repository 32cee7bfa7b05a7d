package dev.orchestrator.temporal;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * The coordinator's side of a run: it hears the workflow's facts in order, places completed tasks'
 * files into the output directory, journals them and shows progress. Only the coordinator of the
 * run polls its queue; while no coordinator does, the facts wait there.
 */
@ActivityInterface
public interface Ledger {

  /** The activity's type in the workflow's history. */
  String RECORD = "RecordFacts";

  /**
   * Records a batch of facts. Idempotent: a batch delivered again (the coordinator died while
   * recording it) changes nothing already recorded.
   */
  @ActivityMethod(name = RECORD)
  void record(List<RunFact> facts);
}
