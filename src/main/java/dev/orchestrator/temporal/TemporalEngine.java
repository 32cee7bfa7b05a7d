package dev.orchestrator.temporal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orchestrator.Json;
import dev.orchestrator.OrchestratorException;
import dev.orchestrator.UsageException;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.run.Engine;
import dev.orchestrator.run.EngineRun;
import dev.orchestrator.run.RetryPolicy;
import dev.orchestrator.usage.TokenUsage;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.client.ActivityCompletionException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --engine temporal} on the coordinator: starts the run's workflow (or, on resume, attaches
 * to the one still running), records its facts through a {@link CoordinatorLedger} polled on a task
 * queue of its own, and waits for it to end. Workers elsewhere run the workflow and the attempts.
 * Cancelling (Ctrl-C) cancels the workflow's running attempts and waits for their facts; a
 * coordinator that goes away (killed, a second Ctrl-C) leaves the workflow running, and {@code
 * orchestrator resume DIR} attaches to it again.
 */
public final class TemporalEngine implements Engine {

  private static final Logger log = LoggerFactory.getLogger(TemporalEngine.class);

  /**
   * A JVM property of the coordinator: events after which a run of the workflow continues as new,
   * instead of {@link RunChain#EVENT_LIMIT}; for tests and measurements of the chain.
   */
  static final String HISTORY_EVENTS_PROPERTY = "orchestrator.temporal.history-events";

  private final TemporalSettings settings;
  private final String identity;
  private final Consumer<TokenUsage> spent;
  private final Supplier<BigDecimal> budget;

  /**
   * @param identity how the coordinator appears in the history, e.g. {@code coordinator@host:pid}
   * @param spent told what the attempts at each task spent, failed ones included, once, as its end
   *     is recorded: the model requests ran on the workers, where this process's cost limit cannot
   *     see them
   * @param budget what the workers may still spend as the run starts ({@code --max-cost} less what
   *     this process counted so far), which the workflow holds itself; null for no limit
   */
  public TemporalEngine(
      TemporalSettings settings,
      String identity,
      Consumer<TokenUsage> spent,
      Supplier<BigDecimal> budget) {
    this.settings = settings;
    this.identity = identity;
    this.spent = requireNonNull(spent, "spent");
    this.budget = requireNonNull(budget, "budget");
  }

  @Override
  public List<TaskResult> execute(EngineRun run) throws InterruptedException {
    ArtifactStore store = ArtifactStore.optional(settings.artifactDirectory());
    try (TemporalConnection connection = TemporalConnection.open(settings, identity)) {
      WorkflowClient client = connection.client();
      TemporalRunRecord record =
          run.resumed()
              ? TemporalRunRecord.read(run.directory()).filter(r -> running(client, r)).orElse(null)
              : null;
      boolean attach = record != null;
      if (!attach) {
        String workflowId = "orchestrator-" + UUID.randomUUID();
        record = new TemporalRunRecord(workflowId, workflowId + "-coordinator");
        record.write(run.directory());
      }
      WorkerFactory factory = WorkerFactory.newInstance(client);
      // One batch at a time: the workflow sends the next only when this one is recorded.
      Worker worker =
          factory.newWorker(
              record.ledgerQueue(),
              WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(1).build());
      worker.registerActivitiesImplementations(new CoordinatorLedger(run, store, spent));
      factory.start();
      try {
        if (attach) {
          log.info("attaching to the running workflow {}", record.workflowId());
          releaseOrphanedBatches(client, record.workflowId());
        } else {
          RunWorkflow workflow =
              client.newWorkflowStub(
                  RunWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId(record.workflowId())
                      .setTaskQueue(settings.taskQueue())
                      .build());
          WorkflowClient.start(workflow::run, input(run, record, store));
          log.info(
              "started workflow {} on task queue {} at {}",
              record.workflowId(),
              settings.taskQueue(),
              settings.target());
        }
        // By id alone, not run id: the workflow continues as new when its history is full, and
        // its result and the stop signal belong to the latest run of the chain.
        WorkflowStub running = client.newUntypedWorkflowStub(record.workflowId());
        CompletableFuture<WorkflowResult> result = running.getResultAsync(WorkflowResult.class);
        run.onStop(() -> signal(running, "stop", "to start no further task"));
        // Ctrl-C: the workflow starts nothing more, cancels its running attempts (the workers end
        // their agents), sends their facts and ends; this process then writes what is done, as a
        // local cancelled run does. A second Ctrl-C exits at once (cli.Interruption): the workflow
        // goes on without this process, and resume attaches to it.
        run.onCancel(() -> signal(running, "cancel", "to cancel its running tasks"));
        try {
          WorkflowResult ended = result.get();
          log.info("workflow {} ended after {} run(s)", record.workflowId(), ended.runs());
          for (RunFact end : ended.ends()) {
            if (end.kind() == RunFact.Kind.SKIPPED) {
              run.skip(end.taskId(), end.error());
            } else {
              CoordinatorLedger.fail(run, spent, end);
            }
          }
        } catch (ExecutionException e) {
          throw new OrchestratorException(
              "the run's workflow " + record.workflowId() + " failed: " + e.getCause(),
              e.getCause());
        }
      } finally {
        factory.shutdown();
        factory.awaitTermination(10, TimeUnit.SECONDS);
      }
      return run.results();
    }
  }

  /**
   * A batch of facts that a coordinator was recording when it died stays started under its name
   * until the ledger's heartbeat timeout (10 s). This process holds the run directory, so that
   * coordinator is gone: its batches fail now, and the workflow sends them again, to this process,
   * after the ledger's first retry interval (1 s). Recording is idempotent.
   */
  private void releaseOrphanedBatches(WorkflowClient client, String workflowId) {
    List<PendingActivityInfo> pending =
        client
            .newUntypedWorkflowStub(workflowId)
            .describe()
            .getRawDescription()
            .getPendingActivitiesList();
    for (PendingActivityInfo batch : pending) {
      if (batch.getActivityType().getName().equals(Ledger.RECORD)
          && batch.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED
          && !batch.getLastWorkerIdentity().equals(identity)) {
        try {
          client
              .newActivityCompletionClient()
              .completeExceptionally(
                  workflowId,
                  Optional.empty(),
                  batch.getActivityId(),
                  new IllegalStateException(
                      "coordinator " + batch.getLastWorkerIdentity() + " is gone"));
          log.info(
              "released the facts coordinator {} was recording when it ended",
              batch.getLastWorkerIdentity());
        } catch (ActivityCompletionException e) {
          log.info(
              "the facts of the previous coordinator were settled meanwhile: {}", e.getMessage());
        }
      }
    }
  }

  private static void signal(WorkflowStub workflow, String signal, String purpose) {
    try {
      workflow.signal(signal);
      log.info("asked workflow {} {}", workflow.getExecution().getWorkflowId(), purpose);
    } catch (WorkflowException e) {
      log.warn("cannot signal {} to the workflow (it may have ended): {}", signal, e.getMessage());
    }
  }

  // The plan travels in every run's input (one payload, 2 MB): without indentation it is smaller.
  private static String compact(String json) {
    try {
      return Json.mapper()
          .writer()
          .without(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(Json.mapper().readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the plan's own JSON cannot be read back", e);
    }
  }

  private static boolean running(WorkflowClient client, TemporalRunRecord record) {
    try {
      return client.newUntypedWorkflowStub(record.workflowId()).describe().getStatus()
          == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (WorkflowNotFoundException e) {
      return false;
    }
  }

  private WorkflowInput input(EngineRun run, TemporalRunRecord record, ArtifactStore store) {
    List<Bundle> completed = new ArrayList<>();
    long inline = 0;
    for (TaskResult task : run.completedBefore().values()) {
      byte[] zip = Bundles.zip(task.rawDirectory(), task.outputFiles());
      Bundle bundle = Bundles.of(task.taskId(), zip, store);
      inline += bundle.payloadBytes();
      completed.add(bundle);
    }
    if (inline > Bundles.PAYLOAD_LIMIT_BYTES) {
      throw new UsageException(
          Bundles.overLimit("the files of the tasks completed before are", inline));
    }
    RetryPolicy policy = run.retryPolicy();
    return new WorkflowInput(
        compact(PlanJson.write(run.plan())),
        run.rank(),
        run.conflicts(),
        completed,
        settings.taskQueue(),
        record.ledgerQueue(),
        settings.heartbeatTimeout().toMillis(),
        policy.taskTimeout() == null ? 0 : policy.taskTimeout().toMillis(),
        policy.retries(),
        policy.initialBackoff().toMillis(),
        policy.maxBackoff().toMillis(),
        Long.getLong(HISTORY_EVENTS_PROPERTY, 0),
        budget.get(),
        Continuation.FIRST);
  }
}
