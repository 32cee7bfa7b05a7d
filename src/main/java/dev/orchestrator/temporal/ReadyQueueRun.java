package dev.orchestrator.temporal;

import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.run.RetryPolicy;
import dev.orchestrator.schedule.DispatchListener;
import dev.orchestrator.schedule.ReadyQueue;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The run's workflow: the same {@link ReadyQueue} the local dispatcher drives, fed by activity
 * completions instead of executor threads. At most M task activities are outstanding at once, one
 * per slot; a slot frees when its task ends, and the queue hands it the next task. A task's
 * attempts are retried here, by the run's {@link RetryPolicy}; Temporal retries only attempts whose
 * worker was lost (no heartbeat).
 *
 * <p>Everything here is deterministic, as workflow code must be: the queue has no clock or threads,
 * time is the workflow's, and concurrent attempts are workflow threads whose ends are handled in
 * the order they happen in the history.
 *
 * <p>A run whose history fills up ({@link RunChain}) continues as new under the same workflow id:
 * it starts nothing more, lets its running attempts end, sends their facts, and hands the next run
 * what ended and the files still needed ({@link Continuation}); the coordinator, which addresses
 * the workflow by id, follows the chain.
 *
 * <p>{@code --max-cost} is held here, from what each ended attempt's worker measured it spent: once
 * the spending reaches the limit, nothing more starts, as after a stop. The coordinator, which
 * learns the cost only from the facts sent later, could stop the run only after the next task had
 * started. It still sends a stop for what the workflow does not see.
 *
 * <p>A cancel (Ctrl-C on the coordinator) starts nothing more and cancels each running task's
 * cancellation scope; the workers end the agents, the attempts end {@code cancelled}, and the run
 * ends once their facts are recorded, leaving those tasks not started, as a local cancel does.
 */
public final class ReadyQueueRun implements RunWorkflow {

  /** Most facts in one ledger batch, besides the payload limit. */
  static final int MAX_BATCH = 500;

  private final Deque<RunFact> pending = new ArrayDeque<>();
  private final Deque<TaskAttempts.End> ended = new ArrayDeque<>();
  private TaskGraph graph;
  // What each dispatched task's worker asks for, page by page: made once, at dispatch.
  private final Map<Integer, List<Bundle>> dependencyFilesAtDispatch = new HashMap<>();
  private Bundle[] files;
  private boolean dispatching = true;
  private boolean recording;
  private boolean stopRequested;
  private boolean cancelRequested;
  private Spending spending;

  /** The cancellation scope of each slot's running task, by slot. */
  private final Map<Integer, CancellationScope> running = new TreeMap<>();

  private boolean announceReady = true;
  private BitSet completed;
  private BitSet terminal;

  @Override
  public WorkflowResult run(WorkflowInput input) {
    Plan plan = PlanJson.parse(input.planJson(), "the workflow input");
    graph = TaskGraph.of(plan);
    files = new Bundle[graph.size()];
    completed = new BitSet(graph.size());
    terminal = new BitSet(graph.size());
    for (Bundle bundle : input.completed()) {
      int t = graph.indexOf(bundle.taskId());
      files[t] = bundle;
      completed.set(t);
      terminal.set(t);
    }
    Continuation carried = input.continuation();
    carried.ended().forEach(id -> terminal.set(graph.indexOf(id)));
    stopRequested |= carried.stopped();
    spending = new Spending(input.costLimitUsd(), carried.spentUsd());
    stopRequested |= spending.limitReached();
    List<RunFact> ends = new ArrayList<>(carried.ends());
    // The tasks ready at the start of a continued run were announced by an earlier run.
    announceReady = !carried.continued();
    ReadyQueue queue =
        new ReadyQueue(
            graph, input.rank(), input.conflicts(), (BitSet) terminal.clone(), facts(ends));
    announceReady = true;
    TaskAttempts attempts =
        new TaskAttempts(
            Workflow.newActivityStub(TaskActivity.class, ActivityBounds.tasks(input)),
            input.retryPolicy(),
            input.taskTimeoutMillis(),
            pending,
            () -> cancelRequested,
            this::spent);
    Ledger ledger = Workflow.newActivityStub(Ledger.class, ActivityBounds.ledger(input));
    Async.procedure(() -> recordFacts(ledger));

    TreeSet<Integer> free = new TreeSet<>();
    for (int slot = 1; slot <= plan.executorBudget(); slot++) {
      free.add(slot);
    }
    // Handing over: no activity can span two runs, so a full run starts nothing more, lets its
    // running attempts end, sends their facts, and continues as new with what it learnt.
    boolean handingOver = false;
    boolean mayHandOver = true;
    int endedHere = 0;
    while (true) {
      if (stopRequested || cancelRequested) {
        queue.stop();
      }
      if (cancelRequested) {
        // Cancelling a scope again does nothing; a task ends the way its attempt() decides.
        running.values().forEach(CancellationScope::cancel);
      }
      if (mayHandOver
          && !handingOver
          && !stopRequested
          && !cancelRequested
          && endedHere > 0
          && RunChain.historyFull(input.historyEventLimit())) {
        handingOver = true;
      }
      while (!handingOver && !free.isEmpty()) {
        int t = queue.take(free.first());
        if (t < 0) {
          break;
        }
        int slot = free.pollFirst();
        List<Bundle> dependencies = dependencyFiles(t);
        dependencyFilesAtDispatch.put(t, dependencies);
        CancellationScope scope =
            Workflow.newCancellationScope(
                () ->
                    Async.procedure(
                        () -> ended.add(attempts.run(graph.id(t), t, slot, dependencies))));
        running.put(slot, scope);
        scope.run();
      }
      // A cancelled task is neither finished nor failed in the queue: the run ends without it.
      if (queue.done() || (cancelRequested && running.isEmpty())) {
        break;
      }
      if (handingOver && queue.running() == 0) {
        mayHandOver = handOver(input, ends);
        handingOver = false;
        continue;
      }
      boolean stoppedBefore = stopRequested;
      boolean cancelledBefore = cancelRequested;
      Workflow.await(
          () ->
              !ended.isEmpty()
                  || stopRequested != stoppedBefore
                  || cancelRequested != cancelledBefore);
      while (!ended.isEmpty()) {
        TaskAttempts.End end = ended.poll();
        long now = Workflow.currentTimeMillis();
        String id = graph.id(end.task());
        running.remove(end.slot());
        free.add(end.slot());
        if (end.cancelled()) {
          pending.add(RunFact.cancelled(id, end.slot(), now, end.attempts()));
          continue;
        }
        if (end.delivery() != null) {
          files[end.task()] = end.delivery().files();
          completed.set(end.task());
          pending.add(RunFact.completed(id, end.slot(), now, end.delivery(), end.attempts()));
        } else {
          RunFact failed = RunFact.failed(id, end.slot(), now, end.error(), end.attempts());
          pending.add(failed);
          ends.add(failed);
        }
        terminal.set(end.task());
        endedHere++;
        queue.finish(end.task(), end.slot(), end.delivery() != null);
      }
    }
    dispatching = false;
    Workflow.await(() -> pending.isEmpty() && !recording);
    return new WorkflowResult(ends, carried.run());
  }

  /**
   * Continues as new once every fact of this run is recorded, carrying the files that tasks not yet
   * ended still need. Returns only if the next run's input would not fit one payload (this run then
   * goes on) or a stop came meanwhile (this run then ends).
   */
  private boolean handOver(WorkflowInput input, List<RunFact> ends) {
    Workflow.await(() -> pending.isEmpty() && !recording);
    if (stopRequested || cancelRequested) {
      return false; // nothing more starts: this run ends instead
    }
    BitSet needed = RunChain.stillNeeded(graph, completed, terminal);
    List<Bundle> carriedFiles = needed.stream().mapToObj(t -> files[t]).toList();
    BitSet ended = (BitSet) terminal.clone();
    ended.andNot(needed);
    Continuation next =
        new Continuation(
            input.continuation().run() + 1,
            RunChain.ids(graph, ended),
            ends,
            stopRequested,
            spending.spentUsd());
    WorkflowInput nextInput = input.next(carriedFiles, next);
    long bytes = RunChain.payloadBytes(nextInput);
    if (bytes > RunChain.PAYLOAD_LIMIT_BYTES) {
      long files = carriedFiles.stream().mapToLong(Bundle::payloadBytes).sum();
      Workflow.getLogger(ReadyQueueRun.class)
          .warn(
              "the history is full, but the next run's input would be {} bytes, more than the {}"
                  + " a payload may carry ({} of them the files of completed tasks: give"
                  + " --artifact-dir to carry references instead); this run goes on",
              bytes,
              RunChain.PAYLOAD_LIMIT_BYTES,
              files);
      return false;
    }
    Workflow.continueAsNew(nextInput);
    return true;
  }

  /**
   * Counts what an ended attempt spent; the run starts nothing more once the limit is reached. Runs
   * on the attempt's workflow thread as its result arrives, so before the run loop can hand out the
   * freed slot.
   */
  private void spent(AttemptRecord attempt) {
    boolean before = spending.limitReached();
    spending.add(attempt.usage());
    if (!before && spending.limitReached()) {
      Workflow.getLogger(ReadyQueueRun.class)
          .warn(
              "the workers' model requests have cost ${}, reaching the limit of ${}: no further"
                  + " task starts",
              spending.spentUsd().toPlainString(),
              spending.limitUsd().toPlainString());
      stopRequested = true;
    }
  }

  @Override
  public void stop() {
    stopRequested = true;
  }

  @Override
  public void cancel() {
    cancelRequested = true;
  }

  @Override
  public DependencyPage dependencies(String taskId, int bundle, int offset) {
    return DependencyPages.page(dependencyFiles(graph.indexOf(taskId)), bundle, offset);
  }

  private DispatchListener facts(List<RunFact> ends) {
    return new DispatchListener() {
      @Override
      public void ready(int task) {
        if (announceReady) {
          pending.add(RunFact.queued(graph.id(task), Workflow.currentTimeMillis()));
        }
      }

      @Override
      public void started(int task, int executor) {
        pending.add(RunFact.started(graph.id(task), executor, Workflow.currentTimeMillis()));
      }

      @Override
      public void skipped(int task, int failedDependency) {
        RunFact skipped =
            RunFact.skipped(
                graph.id(task),
                Workflow.currentTimeMillis(),
                DispatchListener.skipReason(graph.id(failedDependency)));
        pending.add(skipped);
        ends.add(skipped);
        terminal.set(task);
      }
    };
  }

  /** Sends the facts to the coordinator in order, one batch at a time; its own workflow thread. */
  private void recordFacts(Ledger ledger) {
    while (true) {
      Workflow.await(() -> !pending.isEmpty() || !dispatching);
      if (pending.isEmpty()) {
        return;
      }
      List<RunFact> batch = new ArrayList<>();
      long bytes = 0;
      while (!pending.isEmpty() && batch.size() < MAX_BATCH) {
        long next = pending.peek().payloadBytes();
        if (!batch.isEmpty() && bytes + next > Bundles.PAYLOAD_LIMIT_BYTES) {
          break;
        }
        bytes += next;
        batch.add(pending.poll());
      }
      recording = true;
      ledger.record(batch);
      recording = false;
    }
  }

  // At dispatch: every ancestor has completed, so the list no longer changes. A query reads it and
  // changes nothing (query handlers must not change workflow state).
  private List<Bundle> dependencyFiles(int task) {
    List<Bundle> known = dependencyFilesAtDispatch.get(task);
    if (known != null) {
      return known;
    }
    return Arrays.stream(graph.transitiveDependenciesInOrder(task))
        .mapToObj(d -> files[d])
        .filter(bundle -> bundle != null)
        .toList();
  }
}
