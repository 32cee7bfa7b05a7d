package dev.orchestrator.temporal;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.orchestrator.Interrupter;
import dev.orchestrator.agent.Agent;
import dev.orchestrator.agent.AgentException;
import dev.orchestrator.output.Attempt;
import dev.orchestrator.output.Backend;
import dev.orchestrator.output.DirectoryTree;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.Task;
import dev.orchestrator.run.AttemptOutput;
import dev.orchestrator.run.AttemptRequest;
import dev.orchestrator.run.AttemptTimer;
import dev.orchestrator.run.TaskAttempt;
import dev.orchestrator.usage.TokenUsage;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.client.ActivityCanceledException;
import io.temporal.client.ActivityCompletionException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowTargetOptions;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's side of a task: reads the plan from the run's first history event (once per workflow
 * id), asks the workflow for the dependencies' files, page by page, unpacks them (once per worker:
 * see {@link UnpackedBundles}), runs the {@link TaskAttempt} with one of this worker's agents,
 * heartbeats meanwhile (progress messages are the heartbeat details), and returns the output as a
 * bundle. The agents and their keys never leave this process.
 */
final class AgentTaskActivity implements TaskActivity {

  private static final Logger log = LoggerFactory.getLogger(AgentTaskActivity.class);

  /** The detail that counts the workers lost while running a task's completing attempt. */
  static final String LOST_WORKERS = "lost_workers";

  private static final int CACHED_PLANS = 8;

  private final WorkflowClient client;
  private final BlockingQueue<Agent> agents;
  private final Backend executor;
  private final ArtifactStore store;
  private final Path scratch;
  private final String identity;
  private final ScheduledExecutorService timers;
  private final Clock clock;
  private final UnpackedBundles unpacked;

  @GuardedBy("itself")
  private final Map<String, Plan> plans =
      new LinkedHashMap<>(CACHED_PLANS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Plan> eldest) {
          return size() > CACHED_PLANS;
        }
      };

  /**
   * @param agents one per attempt this worker may run at once; an attempt borrows one
   * @param executor what the agents are, recorded with each attempt
   * @param store the artifact directory, or null to carry files in payloads
   * @param scratch where attempts get their directories
   * @param identity {@code host:pid}, recorded with each attempt
   * @param timers runs task time limits and heartbeats; shut down by the caller
   */
  AgentTaskActivity(
      WorkflowClient client,
      List<Agent> agents,
      Backend executor,
      ArtifactStore store,
      Path scratch,
      String identity,
      ScheduledExecutorService timers,
      Clock clock) {
    this.client = client;
    this.agents = new LinkedBlockingQueue<>(agents);
    this.executor = requireNonNull(executor, "executor");
    this.store = store;
    this.scratch = scratch;
    this.identity = identity;
    this.timers = timers;
    this.clock = clock;
    this.unpacked = new UnpackedBundles(scratch.resolve("bundles"));
  }

  @Override
  public TaskDelivery attempt(TaskOrder order) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    ActivityInfo info = context.getInfo();
    RunWorkflow workflow =
        client.newWorkflowStub(
            RunWorkflow.class,
            WorkflowTargetOptions.newBuilder()
                .setWorkflowId(info.getWorkflowId())
                .setRunId(info.getWorkflowRunId())
                .build());
    Plan plan = planOf(info);
    // A scan, not a TaskGraph of the whole plan (thousands of tasks) for every attempt.
    Task task =
        plan.tasks().stream().filter(t -> t.id().equals(order.taskId())).findFirst().orElseThrow();
    long started = clock.millis();
    Path directory = null;
    Agent agent = null;
    AtomicReference<String> progress = new AtomicReference<>("starting");
    AtomicBoolean cancelled = new AtomicBoolean();
    Interrupter interrupter = new Interrupter();
    ScheduledFuture<?> heartbeats = heartbeat(context, progress, cancelled, interrupter);
    try {
      directory = Files.createTempDirectory(scratch, "attempt-");
      Map<String, List<Path>> dependencies =
          unpack(
              DependencyPages.collect(
                  (bundle, offset) -> workflow.dependencies(order.taskId(), bundle, offset)));
      Path output = directory.resolve("output");
      agent = agents.take();
      AttemptTimer timer =
          order.timeoutMillis() > 0
              ? new AttemptTimer(Duration.ofMillis(order.timeoutMillis()), timers, cancelled::get)
              : AttemptTimer.UNLIMITED;
      AttemptOutput result =
          new TaskAttempt(agent, timer)
              .run(
                  new AttemptRequest(
                      plan, task, order.slot(), order.attempt(), output, dependencies),
                  (message, fraction) -> progress.set(message));
      byte[] zip = Bundles.zip(output, result.files());
      if (store == null && zip.length > Bundles.PAYLOAD_LIMIT_BYTES) {
        throw agentFailure(
            order,
            started,
            Bundles.overLimit("its output is", zip.length),
            false,
            null,
            result.result().usage());
      }
      Bundle files = Bundles.of(order.taskId(), zip, store);
      Map<String, String> details = new LinkedHashMap<>(result.result().details());
      if (info.getAttempt() > 1) {
        // Temporal gave this attempt to this worker after losing it on others.
        details.put(LOST_WORKERS, Integer.toString(info.getAttempt() - 1));
      }
      return new TaskDelivery(
          order.taskId(),
          record(order, started, Attempt.Outcome.COMPLETED, null, result.result().usage()),
          files,
          result.manifest(),
          result.result().summary(),
          result.result().usage(),
          details);
    } catch (RuntimeException | InterruptedException e) {
      if (cancelled.get()) {
        // The run was cancelled: the interrupt ended the agent, as a local cancel does, and any
        // failure after it is the cancellation's doing, not the task's.
        Thread.interrupted();
        throw agentFailure(
            order, started, "cancelled", false, Attempt.Outcome.CANCELLED, spentBy(e));
      }
      throw failure(order, started, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare a directory for " + order.taskId(), e);
    } finally {
      // Cancel does not stop a heartbeat already running: withdrawn, it can no longer interrupt
      // this thread once the attempt is over (the SDK sends the reply on it); one that did is
      // cleared.
      interrupter.withdraw();
      heartbeats.cancel(false);
      if (agent != null) {
        agents.add(agent);
      }
      if (directory != null) {
        try {
          DirectoryTree.delete(directory);
        } catch (IOException e) {
          log.warn("cannot remove the attempt directory {}: {}", directory, e.toString());
        }
      }
    }
  }

  /** The failure an attempt that was not cancelled ends with. */
  private RuntimeException failure(TaskOrder order, long started, Exception thrown) {
    if (thrown instanceof AttemptTimer.TimedOut e) {
      return agentFailure(order, started, e.getMessage(), true, Attempt.Outcome.TIMED_OUT, null);
    }
    if (thrown instanceof AgentException e) {
      return agentFailure(order, started, e.getMessage(), e.retryable(), null, e.usage());
    }
    if (thrown instanceof InterruptedException) {
      // The worker is shutting down at once: hand the attempt back for another worker.
      Thread.currentThread().interrupt();
      return ApplicationFailure.newFailure(
          "worker " + identity + " stopped during the attempt", "WorkerStopped");
    }
    if (thrown instanceof ApplicationFailure e) {
      return e;
    }
    log.error(
        "task {} failed on worker {} with an unexpected error", order.taskId(), identity, thrown);
    return agentFailure(
        order,
        started,
        "the agent failed unexpectedly: " + thrown,
        false,
        Attempt.Outcome.FAILED,
        null);
  }

  /** What a failed attempt reported it spent, as a local run counts it; null if nothing. */
  private static TokenUsage spentBy(Exception thrown) {
    return thrown instanceof AgentException e ? e.usage() : null;
  }

  // The read runs outside the lock: it waits on the server, and other attempts must not wait on it
  // (two attempts reading the same plan at once both read).
  private Plan planOf(ActivityInfo info) {
    // By workflow id: every run of a continue-as-new chain has the same plan.
    String key = info.getWorkflowId();
    synchronized (plans) {
      Plan cached = plans.get(key);
      if (cached != null) {
        return cached;
      }
    }
    Plan plan =
        PlanJson.parse(startInput(info).planJson(), "the plan of workflow " + info.getWorkflowId());
    synchronized (plans) {
      plans.put(key, plan);
    }
    return plan;
  }

  /**
   * The input the run started with, from the first event of its history. Not a query: a query's
   * answer may travel in the reply to a workflow task together with the other answers given
   * meanwhile, and several workers' plans (2 MB each at most) passed gRPC's 4 MB limit there, which
   * stalled the run. A history page is a reply of its own, to this worker alone.
   */
  private WorkflowInput startInput(ActivityInfo info) {
    GetWorkflowExecutionHistoryResponse first =
        client
            .getWorkflowServiceStubs()
            .blockingStub()
            .getWorkflowExecutionHistory(
                GetWorkflowExecutionHistoryRequest.newBuilder()
                    .setNamespace(client.getOptions().getNamespace())
                    .setExecution(
                        WorkflowExecution.newBuilder()
                            .setWorkflowId(info.getWorkflowId())
                            .setRunId(info.getWorkflowRunId()))
                    .setMaximumPageSize(1)
                    .build());
    HistoryEvent started = first.getHistory().getEvents(0);
    if (!started.hasWorkflowExecutionStartedEventAttributes()) {
      throw new IllegalStateException(
          "the history of workflow " + info.getWorkflowId() + " does not begin with its start");
    }
    return client
        .getOptions()
        .getDataConverter()
        .fromPayloads(
            0,
            Optional.of(started.getWorkflowExecutionStartedEventAttributes().getInput()),
            WorkflowInput.class,
            WorkflowInput.class);
  }

  private Map<String, List<Path>> unpack(List<Bundle> bundles) {
    Map<String, List<Path>> dependencies = new LinkedHashMap<>();
    for (Bundle bundle : bundles) {
      dependencies.put(bundle.taskId(), unpacked.files(bundle, store));
    }
    return dependencies;
  }

  // Agents may be silent for minutes (a coding agent thinking): the worker heartbeats for them, so
  // a lost heartbeat means a lost worker, not a quiet agent.
  // The SDK sends at most one heartbeat per throttle interval (ActivityBounds.HEARTBEAT_THROTTLE)
  // and reports a cancellation at the next call after its reply: calls every half second or
  // faster let a cancellation reach the agent within about a second and a half.
  private ScheduledFuture<?> heartbeat(
      ActivityExecutionContext context,
      AtomicReference<String> progress,
      AtomicBoolean cancelled,
      Interrupter interrupter) {
    long every =
        Math.max(100, Math.min(500, context.getInfo().getHeartbeatTimeout().toMillis() / 3));
    return timers.scheduleAtFixedRate(
        () -> {
          try {
            context.heartbeat(progress.get());
          } catch (ActivityCanceledException e) {
            // The run was cancelled (Ctrl-C on the coordinator): end the agent now.
            if (cancelled.compareAndSet(false, true)) {
              interrupter.interrupt();
            }
          } catch (ActivityCompletionException e) {
            // The workflow no longer wants this attempt (it ended or the attempt was given away).
            interrupter.interrupt();
          } catch (RuntimeException e) {
            log.warn("heartbeat failed: {}", e.toString());
          }
        },
        0,
        every,
        TimeUnit.MILLISECONDS);
  }

  private AttemptRecord record(
      TaskOrder order, long started, Attempt.Outcome outcome, String error, TokenUsage usage) {
    return new AttemptRecord(
        order.attempt(),
        order.slot(),
        started,
        clock.millis(),
        outcome.label(),
        error,
        identity,
        executor,
        usage);
  }

  /**
   * @param usage what the attempt's model requests cost, paid whether it completed or not
   */
  private ApplicationFailure agentFailure(
      TaskOrder order,
      long started,
      String error,
      boolean retryable,
      Attempt.Outcome outcome,
      TokenUsage usage) {
    AttemptRecord attempt =
        record(order, started, outcome != null ? outcome : Attempt.Outcome.FAILED, error, usage);
    log.warn(
        "task {} attempt {} on worker {}: {}", order.taskId(), order.attempt(), identity, error);
    return ApplicationFailure.newNonRetryableFailure(error, AGENT_FAILURE, attempt, retryable);
  }
}
