package dev.orchestrator.run;

import dev.orchestrator.Sleeper;
import dev.orchestrator.agent.Agent;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.schedule.Dispatcher;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One local execution of a plan: executor threads take tasks from the dispatcher, attempt each
 * through a {@link TaskAttempt} (retried by an {@link AttemptLoop}), move the ended attempt's
 * output into {@code executor_<k>/<task_id>/} and journal a completion before the dispatcher may
 * start a dependent. Used once.
 */
final class PlanExecution implements Halting {

  private static final Logger log = LoggerFactory.getLogger(PlanExecution.class);

  private final Plan plan;
  private final Path outputDirectory;
  private final TaskGraph graph;
  private final Journal journal;
  private final Clock clock;
  private final RunListener listener;
  private final Map<String, TaskResult> completedBefore;
  private final List<TaskAttempt> attempts = new ArrayList<>();
  private final AttemptLoop loop;
  private final RawOutputs outputs;
  private final TaskEnds ends;
  private final DispatchEvents events;
  private final Dispatcher dispatcher;
  private final ScheduledExecutorService alarms;
  private volatile boolean cancelled;

  /**
   * @param agentForExecutor the agent of each executor, numbered from 1
   * @param sleeper how retries wait out their backoff
   */
  PlanExecution(ExecutionContext context, IntFunction<Agent> agentForExecutor, Sleeper sleeper) {
    this.plan = context.plan();
    this.graph = context.graph();
    this.journal = context.journal();
    this.clock = context.clock();
    this.listener = context.events();
    this.completedBefore = context.completedBefore();
    this.alarms =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "task-timeouts");
              thread.setDaemon(true);
              return thread;
            });
    RetryPolicy policy = context.retryPolicy();
    AttemptTimer timer =
        policy.taskTimeout() == null
            ? AttemptTimer.UNLIMITED
            : new AttemptTimer(policy.taskTimeout(), alarms, () -> cancelled);
    int executors = plan.executorBudget();
    for (int k = 1; k <= executors; k++) {
      attempts.add(new TaskAttempt(agentForExecutor.apply(k), timer));
    }
    this.loop = new AttemptLoop(policy, sleeper, clock, journal, listener, () -> cancelled);
    this.outputs = new RawOutputs(context);
    this.ends = new TaskEnds(context);
    this.events = new DispatchEvents(graph, ends, listener, clock);
    AtomicInteger threadCount = new AtomicInteger();
    this.dispatcher =
        new Dispatcher(
            graph,
            context.dispatch().rank(),
            context.dispatch().conflicts(),
            executors,
            runnable -> {
              Thread thread = new Thread(runnable, "Executor-" + threadCount.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.outputDirectory = context.directory();
  }

  /** Runs the plan to the end (or until stopped) and returns one result per task, in plan order. */
  List<TaskResult> execute() throws InterruptedException {
    BitSet done = new BitSet(graph.size());
    completedBefore.keySet().forEach(id -> done.set(graph.indexOf(id)));
    try {
      // The dispatcher's statuses are the recorded runs' outcomes: the work returns exactly those.
      dispatcher.run(this::runTask, events, done);
    } finally {
      alarms.shutdownNow();
    }
    return ends.results();
  }

  /** Stops dispatching; running tasks finish. */
  @Override
  public void stop() {
    dispatcher.stop();
  }

  /** Stops dispatching and interrupts running agents; their tasks count as not started. */
  @Override
  public void cancel() {
    cancelled = true;
    dispatcher.cancel();
  }

  private boolean runTask(int t, int executor) throws InterruptedException {
    Task task = plan.tasks().get(t);
    TaskRun run =
        loop.run(
            attempts.get(executor - 1),
            number ->
                new AttemptRequest(
                    plan,
                    task,
                    executor,
                    number,
                    outputs.attemptDirectory(task.id(), number),
                    outputs.dependencyOutputs(t)),
            task.id(),
            executor,
            (message, fraction) ->
                listener.on(
                    new RunEvent.TaskProgress(
                        clock.instant(), task.id(), executor, message, fraction)));
    if (run.outcome() == TaskRun.Outcome.CANCELLED) {
      ends.record(t, run.result(task.id(), task.name(), null, List.of()));
      throw new InterruptedException("cancelled");
    }
    boolean completed = run.outcome() == TaskRun.Outcome.COMPLETED;
    TaskResult result;
    try {
      result = outputs.place(t, executor, run);
    } catch (UncheckedIOException e) {
      log.error("task {}: {}", task.id(), e.getMessage(), e);
      ends.record(t, run.unplaced(task.id(), task.name(), e.getMessage()));
      return false;
    }
    if (completed) {
      // On disk before the dispatcher may start a dependent or a resumed run trusts the output.
      journal.taskCompleted(outputDirectory, result, run.output().manifest());
    }
    ends.record(t, result);
    return completed;
  }
}
