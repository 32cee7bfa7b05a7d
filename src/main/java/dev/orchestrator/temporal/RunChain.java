package dev.orchestrator.temporal;

import dev.orchestrator.plan.TaskGraph;
import io.temporal.common.converter.GlobalDataConverter;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * When a run of the workflow hands over to a new run of the same workflow id (continue-as-new), and
 * what it carries. Temporal ends a workflow whose history passes 51,200 events or 50 MB and warns
 * past 10,240 events or 10 MB; a run hands over when the server suggests it or at the first of
 * {@link #EVENT_LIMIT} events and {@link #BYTE_LIMIT} bytes, whichever comes first. Deterministic:
 * the history's length and size are the workflow's, as of its current workflow task.
 */
final class RunChain {

  /** Events after which a run hands over: below the server's warning, far below its limit. */
  static final long EVENT_LIMIT = 10_000;

  /** History bytes after which a run hands over. */
  static final long BYTE_LIMIT = 10L * 1024 * 1024;

  /** Temporal's default limit of one payload (its blob size limit), which a run's input is. */
  static final long PAYLOAD_LIMIT_BYTES = 2L * 1024 * 1024;

  private RunChain() {}

  /** The size of a run's input as Temporal carries it; deterministic (the same JSON each time). */
  static long payloadBytes(WorkflowInput input) {
    return GlobalDataConverter.get()
        .toPayload(input)
        .map(payload -> (long) payload.getSerializedSize())
        .orElse(0L);
  }

  /**
   * Whether this run's history is full enough to hand over.
   *
   * @param eventLimit events after which to hand over; 0 for {@link #EVENT_LIMIT} (tests set less)
   */
  static boolean historyFull(long eventLimit) {
    WorkflowInfo info = Workflow.getInfo();
    long limit = eventLimit > 0 ? eventLimit : EVENT_LIMIT;
    return info.isContinueAsNewSuggested()
        || info.getHistoryLength() >= limit
        || info.getHistorySize() >= BYTE_LIMIT;
  }

  /**
   * The completed tasks whose files a task not yet ended still needs (it depends on them, directly
   * or not).
   *
   * @param terminal tasks that completed, failed or were skipped
   */
  static BitSet stillNeeded(TaskGraph graph, BitSet completed, BitSet terminal) {
    int[] order = graph.topologicalOrder();
    // Whether some task after t (t included) in the graph has not ended, from the leaves up.
    BitSet open = new BitSet(graph.size());
    BitSet needed = new BitSet(graph.size());
    for (int position = order.length - 1; position >= 0; position--) {
      int t = order[position];
      boolean laterOpen = false;
      for (int d : graph.dependents(t)) {
        laterOpen |= open.get(d);
      }
      if (laterOpen && completed.get(t)) {
        needed.set(t);
      }
      if (laterOpen || !terminal.get(t)) {
        open.set(t);
      }
    }
    return needed;
  }

  /** The ids of the tasks in {@code tasks}, in plan order. */
  static List<String> ids(TaskGraph graph, BitSet tasks) {
    List<String> ids = new ArrayList<>();
    tasks.stream().forEach(t -> ids.add(graph.id(t)));
    return ids;
  }
}
