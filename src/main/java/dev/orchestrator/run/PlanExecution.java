package dev.orchestrator.run;

import dev.orchestrator.agent.Agent;
import dev.orchestrator.agent.AgentException;
import dev.orchestrator.agent.AgentResult;
import dev.orchestrator.agent.TaskAssignment;
import dev.orchestrator.agent.TaskWorkspace;
import dev.orchestrator.output.Attempt;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.plan.FileConflicts;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.plan.TaskStatus;
import dev.orchestrator.schedule.DispatchListener;
import dev.orchestrator.schedule.Dispatcher;
import dev.orchestrator.schedule.OrderSearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution of a plan: the dispatcher's decisions become run events, each attempt of a task
 * runs on its executor's agent in an attempt directory that is moved into {@code
 * executor_<k>/<task_id>/} only when the attempt ended, and every state change is journalled before
 * it takes effect. Used once.
 */
final class PlanExecution implements DispatchListener {

  private static final Logger log = LoggerFactory.getLogger(PlanExecution.class);
  private static final int RUNNING = 0;
  private static final int DONE = 1;
  private static final int TIMED_OUT = 2;

  private final Plan plan;
  private final TaskGraph graph;
  private final int[] topologicalOrder;
  private final Path outputDirectory;
  private final List<Agent> agents;
  private final RunListener listener;
  private final Clock clock;
  private final RetryPolicy policy;
  private final Journal journal;
  private final Map<String, CompletedTask> completedBefore;
  private final Dispatcher dispatcher;
  private final ScheduledExecutorService watchdog;
  private volatile boolean cancelled;

  // Written by the executor running the task, read under the dispatcher's lock after it returns.
  private final List<List<Attempt>> attempts;
  private final Path[] rawDirectory;
  private final List<List<String>> files;
  private final AgentResult[] agentResults;
  private final String[] errors;

  PlanExecution(
      Plan plan,
      Path outputDirectory,
      int executors,
      IntFunction<Agent> agentForExecutor,
      RunListener listener,
      Clock clock,
      RetryPolicy policy,
      Journal journal,
      Map<String, CompletedTask> completedBefore) {
    this.plan = plan;
    this.graph = TaskGraph.of(plan);
    this.topologicalOrder = graph.topologicalOrder();
    this.outputDirectory = outputDirectory;
    this.listener = listener;
    this.clock = clock;
    this.policy = policy;
    this.journal = journal;
    this.completedBefore = completedBefore;
    this.agents = new ArrayList<>();
    for (int k = 1; k <= executors; k++) {
      agents.add(agentForExecutor.apply(k));
    }
    int n = graph.size();
    attempts = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      attempts.add(new ArrayList<>());
    }
    rawDirectory = new Path[n];
    agentResults = new AgentResult[n];
    errors = new String[n];
    files = new ArrayList<>(Collections.nCopies(n, List.of()));
    watchdog =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "task-timeouts");
              thread.setDaemon(true);
              return thread;
            });
    AtomicInteger threadCount = new AtomicInteger();
    int[][] conflicts = FileConflicts.adjacency(plan, graph);
    // The order simulate predicts with: searched before dispatch, then fed to the same queue.
    int[] rank =
        OrderSearch.search(plan, graph, conflicts, executors, OrderSearch.DEFAULT_BUDGET).rank();
    dispatcher =
        new Dispatcher(
            graph,
            rank,
            conflicts,
            executors,
            runnable -> {
              Thread thread = new Thread(runnable, "Executor-" + threadCount.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Runs the plan to the end (or until stopped) and returns one result per task, in plan order. */
  List<TaskResult> execute() throws InterruptedException {
    BitSet done = new BitSet(graph.size());
    completedBefore.keySet().forEach(id -> done.set(graph.indexOf(id)));
    TaskStatus[] statuses;
    try {
      statuses = dispatcher.run(this::runTask, this, done);
    } finally {
      watchdog.shutdownNow();
    }
    List<TaskResult> results = new ArrayList<>();
    for (int t = 0; t < graph.size(); t++) {
      CompletedTask earlier = completedBefore.get(graph.id(t));
      results.add(earlier != null ? resultOf(earlier) : resultOf(t, statuses[t]));
    }
    return results;
  }

  private TaskResult resultOf(int t, TaskStatus status) {
    List<Attempt> history = attempts.get(t);
    AgentResult agentResult = agentResults[t];
    boolean ran = !history.isEmpty();
    return new TaskResult(
        graph.id(t),
        status,
        ran ? history.get(history.size() - 1).executorId() : null,
        history,
        ran ? history.get(0).startedAt() : null,
        ran ? history.get(history.size() - 1).finishedAt() : null,
        rawDirectory[t],
        files.get(t),
        agentResult == null ? null : agentResult.usage(),
        agentResult == null ? Map.of() : agentResult.details(),
        status == TaskStatus.COMPLETED ? null : errors[t]);
  }

  private static TaskResult resultOf(CompletedTask task) {
    List<Attempt> history = task.attempts();
    Attempt last = history.get(history.size() - 1);
    return new TaskResult(
        task.taskId(),
        TaskStatus.COMPLETED,
        last.executorId(),
        history,
        history.get(0).startedAt(),
        last.finishedAt(),
        task.rawDirectory(),
        task.files().keySet().stream().sorted().toList(),
        task.usage(),
        task.details(),
        null);
  }

  /** Stops dispatching; running tasks finish. */
  void stop() {
    dispatcher.stop();
  }

  /** Stops dispatching and interrupts running agents; their tasks count as not started. */
  void cancel() {
    cancelled = true;
    dispatcher.cancel();
  }

  // A cancelled executor is interrupted, and an interrupt closes whatever file channel its thread
  // was using, so after a cancellation any failure is the cancellation's doing, not the task's.
  private boolean runTask(int t, int executor) throws InterruptedException {
    try {
      return attempt(t, executor);
    } catch (RuntimeException e) {
      if (cancelled) {
        throw new InterruptedException("cancelled");
      }
      throw e;
    }
  }

  private boolean attempt(int t, int executor) throws InterruptedException {
    Task task = plan.tasks().get(t);
    Path finalDirectory = RunPaths.rawDirectory(outputDirectory, executor, task.id());
    List<Attempt> history = attempts.get(t);
    for (int number = 1; ; number++) {
      Path attemptDirectory = attemptDirectory(task.id(), number);
      TaskWorkspace workspace = new TaskWorkspace(attemptDirectory);
      Instant start = clock.instant();
      journal.attemptStarted(start, task.id(), executor, number);
      TaskAssignment assignment =
          new TaskAssignment(
              plan,
              task,
              executor,
              number,
              workspace,
              dependencyOutputs(t),
              (message, fraction) ->
                  listener.on(
                      new RunEvent.TaskProgress(
                          clock.instant(), task.id(), executor, message, fraction)));
      Attempt.Outcome outcome;
      String error = null;
      boolean retryable = false;
      try {
        agentResults[t] = executeWithTimeout(agents.get(executor - 1), assignment);
        outcome = Attempt.Outcome.COMPLETED;
      } catch (TimedOut e) {
        outcome = Attempt.Outcome.TIMED_OUT;
        error = e.getMessage();
        retryable = true;
      } catch (AgentException e) {
        if (cancelled) {
          throw new InterruptedException("cancelled");
        }
        outcome = Attempt.Outcome.FAILED;
        error = e.getMessage();
        retryable = e.retryable();
      } catch (InterruptedException e) {
        history.add(
            new Attempt(
                number, executor, start, clock.instant(), Attempt.Outcome.CANCELLED, "cancelled"));
        throw e;
      } catch (RuntimeException e) {
        if (cancelled) {
          throw new InterruptedException("cancelled");
        }
        log.error("task {} failed on executor {} with an unexpected error", task.id(), executor, e);
        outcome = Attempt.Outcome.FAILED;
        error = "the agent failed unexpectedly: " + e;
      }
      Attempt attempt = new Attempt(number, executor, start, clock.instant(), outcome, error);
      history.add(attempt);
      if (outcome == Attempt.Outcome.COMPLETED) {
        place(attemptDirectory, finalDirectory, t);
        AgentResult result = agentResults[t];
        journal.taskCompleted(
            attempt.finishedAt(),
            outputDirectory,
            new CompletedTask(
                task.id(),
                finalDirectory,
                FileHashes.of(finalDirectory, files.get(t)),
                List.copyOf(history),
                result.usage(),
                result.details()));
        return true;
      }
      journal.attemptEnded(task.id(), attempt);
      log.warn("task {} attempt {} on executor {}: {}", task.id(), number, executor, error);
      if (!retryable || !policy.allowsAnotherAfter(number)) {
        place(attemptDirectory, finalDirectory, t);
        errors[t] = history.size() > 1 ? error + " (after " + history.size() + " attempts)" : error;
        return false;
      }
      Duration backoff = policy.backoffBefore(number + 1);
      listener.on(
          new RunEvent.TaskRetrying(clock.instant(), task.id(), executor, number, error, backoff));
      TimeUnit.MILLISECONDS.sleep(backoff.toMillis());
    }
  }

  private Path attemptDirectory(String taskId, int number) {
    Path directory = RunPaths.attemptDirectory(outputDirectory, taskId, number);
    try {
      OutputDirectory.deleteTree(outputDirectory, directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + directory, e);
    }
    return directory;
  }

  // Moves an ended attempt's output into executor_<k>/<task_id>/ in one step, replacing what a
  // crashed earlier run may have left there.
  private void place(Path attemptDirectory, Path finalDirectory, int t) {
    try {
      OutputDirectory.deleteTree(outputDirectory, finalDirectory);
      Files.createDirectories(finalDirectory.getParent());
      if (Files.isDirectory(attemptDirectory)) {
        Files.move(attemptDirectory, finalDirectory, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.createDirectories(finalDirectory);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the output of " + graph.id(t) + " into place", e);
    }
    rawDirectory[t] = finalDirectory;
    files.set(t, new TaskWorkspace(finalDirectory).files());
  }

  // Runs the agent on this thread; a timer interrupts it when the attempt's time is up.
  private AgentResult executeWithTimeout(Agent agent, TaskAssignment assignment)
      throws InterruptedException {
    Duration timeout = policy.taskTimeout();
    if (timeout == null) {
      return agent.execute(assignment);
    }
    AtomicInteger state = new AtomicInteger(RUNNING);
    Thread executor = Thread.currentThread();
    ScheduledFuture<?> alarm =
        watchdog.schedule(
            () -> {
              if (state.compareAndSet(RUNNING, TIMED_OUT)) {
                executor.interrupt();
              }
            },
            timeout.toMillis(),
            TimeUnit.MILLISECONDS);
    try {
      return agent.execute(assignment);
    } catch (InterruptedException e) {
      if (state.get() == TIMED_OUT && !cancelled) {
        throw new TimedOut(timeout);
      }
      throw e;
    } finally {
      alarm.cancel(false);
      if (!state.compareAndSet(RUNNING, DONE)) {
        // Our own alarm may have interrupted the agent just after it returned: clear that, but
        // keep a cancellation.
        Thread.interrupted();
        if (cancelled) {
          executor.interrupt();
        }
      }
    }
  }

  /** An attempt that ran out of time; retryable. */
  private static final class TimedOut extends AgentException {
    TimedOut(Duration timeout) {
      super(
          "timed out after "
              + timeout.toMillis() / 1000.0
              + "s; raise --task-timeout if the task"
              + " needs longer",
          true);
    }
  }

  // The files of every task this one depends on, directly or not, nearest dependencies last.
  private Map<String, List<Path>> dependencyOutputs(int t) {
    BitSet ancestors = new BitSet(graph.size());
    List<Integer> todo = new ArrayList<>(List.of(t));
    while (!todo.isEmpty()) {
      for (int d : graph.dependencies(todo.remove(todo.size() - 1))) {
        if (!ancestors.get(d)) {
          ancestors.set(d);
          todo.add(d);
        }
      }
    }
    Map<String, List<Path>> outputs = new LinkedHashMap<>();
    for (int d : topologicalOrder) {
      if (!ancestors.get(d)) {
        continue;
      }
      CompletedTask earlier = completedBefore.get(graph.id(d));
      Path raw = earlier != null ? earlier.rawDirectory() : rawDirectory[d];
      List<String> produced =
          earlier != null ? earlier.files().keySet().stream().sorted().toList() : files.get(d);
      if (raw != null) {
        outputs.put(graph.id(d), produced.stream().map(raw::resolve).toList());
      }
    }
    return outputs;
  }

  // Dispatcher decisions, under its lock: turn them into run events and journal records.

  @Override
  public void ready(int task) {
    listener.on(new RunEvent.TaskQueued(clock.instant(), graph.id(task), name(task)));
  }

  @Override
  public void started(int task, int executor) {
    listener.on(new RunEvent.TaskStarted(clock.instant(), graph.id(task), name(task), executor));
  }

  @Override
  public void finished(int task, int executor, boolean succeeded) {
    List<Attempt> history = attempts.get(task);
    Instant end = history.get(history.size() - 1).finishedAt();
    Duration duration = Duration.between(history.get(0).startedAt(), end);
    if (succeeded) {
      listener.on(
          new RunEvent.TaskCompleted(
              end, graph.id(task), name(task), executor, duration, files.get(task).size()));
    } else {
      journal.taskEnded(end, graph.id(task), "failed", errors[task]);
      listener.on(
          new RunEvent.TaskFailed(
              end, graph.id(task), name(task), executor, duration, errors[task]));
    }
  }

  @Override
  public void skipped(int task, int failedDependency) {
    String reason = "skipped because " + graph.id(failedDependency) + " failed";
    errors[task] = reason;
    Instant now = clock.instant();
    journal.taskEnded(now, graph.id(task), "skipped", reason);
    listener.on(new RunEvent.TaskSkipped(now, graph.id(task), name(task), reason));
  }

  private String name(int task) {
    return plan.tasks().get(task).name();
  }
}
