package dev.orchestrator.temporal;

import dev.orchestrator.output.Attempt;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.run.RetryPolicy;
import dev.orchestrator.schedule.DispatchListener;
import dev.orchestrator.schedule.ReadyQueue;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
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
 */
public final class ReadyQueueRun implements RunWorkflow {

  /** Most facts in one ledger batch, besides the payload limit. */
  static final int MAX_BATCH = 500;

  /** How often Temporal gives an attempt to another worker after losing the one running it. */
  static final int LOST_WORKER_ATTEMPTS = 10;

  private record Ended(
      int task, int slot, TaskDelivery delivery, String error, List<AttemptRecord> attempts) {}

  private final Deque<RunFact> pending = new ArrayDeque<>();
  private final Deque<Ended> ended = new ArrayDeque<>();
  private String planJson;
  private TaskGraph graph;
  private int[] topologicalPosition;
  private Bundle[] files;
  private boolean dispatching = true;
  private boolean recording;
  private boolean stopRequested;

  @Override
  public WorkflowResult run(WorkflowInput input) {
    planJson = input.planJson();
    Plan plan = PlanJson.parse(planJson, "the workflow input");
    graph = TaskGraph.of(plan);
    topologicalPosition = new int[graph.size()];
    int[] order = graph.topologicalOrder();
    for (int position = 0; position < order.length; position++) {
      topologicalPosition[order[position]] = position;
    }
    files = new Bundle[graph.size()];
    BitSet done = new BitSet(graph.size());
    for (Bundle bundle : input.completed()) {
      int t = graph.indexOf(bundle.taskId());
      files[t] = bundle;
      done.set(t);
    }
    List<RunFact> ends = new ArrayList<>();
    ReadyQueue queue = new ReadyQueue(graph, input.rank(), input.conflicts(), done, facts(ends));
    TaskActivity tasks = Workflow.newActivityStub(TaskActivity.class, taskOptions(input));
    Ledger ledger = Workflow.newActivityStub(Ledger.class, ledgerOptions(input));
    RetryPolicy policy = input.retryPolicy();
    Async.procedure(() -> recordFacts(ledger));

    TreeSet<Integer> free = new TreeSet<>();
    for (int slot = 1; slot <= plan.executorBudget(); slot++) {
      free.add(slot);
    }
    while (true) {
      if (stopRequested) {
        queue.stop();
      }
      while (!free.isEmpty()) {
        int t = queue.take(free.first());
        if (t < 0) {
          break;
        }
        int slot = free.pollFirst();
        Async.procedure(() -> attempt(tasks, policy, input.taskTimeoutMillis(), t, slot));
      }
      if (queue.done()) {
        break;
      }
      boolean stoppedBefore = stopRequested;
      Workflow.await(() -> !ended.isEmpty() || stopRequested != stoppedBefore);
      while (!ended.isEmpty()) {
        Ended end = ended.poll();
        long now = Workflow.currentTimeMillis();
        String id = graph.id(end.task());
        if (end.delivery() != null) {
          files[end.task()] = end.delivery().files();
          pending.add(RunFact.completed(id, end.slot(), now, end.delivery(), end.attempts()));
        } else {
          RunFact failed = RunFact.failed(id, end.slot(), now, end.error(), end.attempts());
          pending.add(failed);
          ends.add(failed);
        }
        queue.finish(end.task(), end.slot(), end.delivery() != null);
        free.add(end.slot());
      }
    }
    dispatching = false;
    Workflow.await(() -> pending.isEmpty() && !recording);
    return new WorkflowResult(ends);
  }

  @Override
  public void stop() {
    stopRequested = true;
  }

  @Override
  public String plan() {
    return planJson;
  }

  @Override
  public List<Bundle> dependencies(String taskId) {
    return dependencyFiles(graph.indexOf(taskId));
  }

  private DispatchListener facts(List<RunFact> ends) {
    return new DispatchListener() {
      @Override
      public void ready(int task) {
        pending.add(RunFact.queued(graph.id(task), Workflow.currentTimeMillis()));
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
                "skipped because " + graph.id(failedDependency) + " failed");
        pending.add(skipped);
        ends.add(skipped);
      }
    };
  }

  /** Attempts one task until it completes or fails for good; runs as its own workflow thread. */
  private void attempt(
      TaskActivity tasks, RetryPolicy policy, long timeoutMillis, int t, int slot) {
    String id = graph.id(t);
    List<AttemptRecord> attempts = new ArrayList<>();
    long inputBytes = dependencyFiles(t).stream().mapToLong(Bundle::payloadBytes).sum();
    if (inputBytes > Bundles.PAYLOAD_LIMIT_BYTES) {
      String error = Bundles.overLimit("the files of its dependencies are", inputBytes);
      attempts.add(notRun(slot, error));
      ended.add(new Ended(t, slot, null, error, attempts));
      return;
    }
    for (int number = 1; ; number++) {
      AttemptRecord failed;
      boolean retryable;
      try {
        TaskDelivery delivery = tasks.attempt(new TaskOrder(id, slot, number, timeoutMillis));
        attempts.add(delivery.attempt());
        ended.add(new Ended(t, slot, delivery, null, attempts));
        return;
      } catch (ActivityFailure e) {
        if (e.getCause() instanceof ApplicationFailure cause
            && TaskActivity.AGENT_FAILURE.equals(cause.getType())) {
          failed = cause.getDetails().get(0, AttemptRecord.class, AttemptRecord.class);
          retryable = cause.getDetails().get(1, Boolean.class, Boolean.class);
        } else {
          failed =
              notRun(
                  slot,
                  "no worker finished the attempt ("
                      + LOST_WORKER_ATTEMPTS
                      + " tries): "
                      + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
          retryable = false;
        }
      }
      attempts.add(failed);
      if (!retryable || !policy.allowsAnotherAfter(number)) {
        String error =
            number > 1 ? failed.error() + " (after " + number + " attempts)" : failed.error();
        ended.add(new Ended(t, slot, null, error, attempts));
        return;
      }
      Duration backoff = policy.backoffBefore(number + 1);
      pending.add(
          RunFact.retrying(
              id, slot, Workflow.currentTimeMillis(), number, failed.error(), backoff.toMillis()));
      Workflow.sleep(backoff);
    }
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

  private List<Bundle> dependencyFiles(int task) {
    BitSet ancestors = graph.transitiveDependencies(task);
    return ancestors.stream()
        .boxed()
        .sorted((a, b) -> Integer.compare(topologicalPosition[a], topologicalPosition[b]))
        .map(d -> files[d])
        .filter(bundle -> bundle != null)
        .toList();
  }

  private static AttemptRecord notRun(int slot, String error) {
    long now = Workflow.currentTimeMillis();
    return new AttemptRecord(1, slot, now, now, Attempt.Outcome.FAILED.label(), error, null);
  }

  private static ActivityOptions taskOptions(WorkflowInput input) {
    Duration heartbeat = Duration.ofMillis(input.heartbeatMillis());
    return ActivityOptions.newBuilder()
        .setTaskQueue(input.taskQueue())
        // The worker enforces the task timeout itself (a timed-out attempt is retried by the run's
        // policy); Temporal's limit only guards against a worker that hangs without dying.
        .setStartToCloseTimeout(
            input.taskTimeoutMillis() > 0
                ? Duration.ofMillis(input.taskTimeoutMillis()).plus(heartbeat.multipliedBy(3))
                : Duration.ofDays(7))
        .setHeartbeatTimeout(heartbeat)
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setMaximumInterval(Duration.ofSeconds(10))
                .setMaximumAttempts(LOST_WORKER_ATTEMPTS)
                .setDoNotRetry(TaskActivity.AGENT_FAILURE)
                .build())
        .build();
  }

  private static ActivityOptions ledgerOptions(WorkflowInput input) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(input.ledgerQueue())
        .setStartToCloseTimeout(Duration.ofMinutes(10))
        .setHeartbeatTimeout(Duration.ofSeconds(10))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setMaximumInterval(Duration.ofSeconds(10))
                .build())
        .build();
  }
}
