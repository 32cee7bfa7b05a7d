package dev.orchestrator.run;

import dev.orchestrator.agent.Agent;
import dev.orchestrator.agent.AgentException;
import dev.orchestrator.agent.AgentResult;
import dev.orchestrator.agent.TaskAssignment;
import dev.orchestrator.agent.TaskWorkspace;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.plan.FileConflicts;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.schedule.DispatchListener;
import dev.orchestrator.schedule.DispatchOrder;
import dev.orchestrator.schedule.Dispatcher;
import dev.orchestrator.schedule.TaskStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution of a plan: the dispatcher's decisions become run events, each task runs on its
 * executor's agent in {@code executor_<k>/<task_id>/}, and what happened is measured into task
 * results. Used once.
 */
final class PlanExecution implements DispatchListener {

  private static final Logger log = LoggerFactory.getLogger(PlanExecution.class);

  private final Plan plan;
  private final TaskGraph graph;
  private final Path outputDirectory;
  private final int executors;
  private final List<Agent> agents;
  private final RunListener listener;
  private final Clock clock;
  private final Dispatcher dispatcher;

  // Written by the executor running the task, read under the dispatcher's lock after it returns.
  private final Instant[] started;
  private final Instant[] finished;
  private final int[] executorOf;
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
      Clock clock) {
    this.plan = plan;
    this.graph = TaskGraph.of(plan);
    this.outputDirectory = outputDirectory;
    this.executors = executors;
    this.listener = listener;
    this.clock = clock;
    this.agents = new ArrayList<>();
    for (int k = 1; k <= executors; k++) {
      agents.add(agentForExecutor.apply(k));
    }
    int n = graph.size();
    started = new Instant[n];
    finished = new Instant[n];
    executorOf = new int[n];
    rawDirectory = new Path[n];
    agentResults = new AgentResult[n];
    errors = new String[n];
    files = new ArrayList<>(java.util.Collections.nCopies(n, List.of()));
    AtomicInteger threadCount = new AtomicInteger();
    dispatcher =
        new Dispatcher(
            graph,
            DispatchOrder.criticalPathFirst(plan, graph),
            FileConflicts.adjacency(plan, graph),
            executors,
            runnable -> {
              Thread thread = new Thread(runnable, "Executor-" + threadCount.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Runs the plan to the end (or until {@link #stop}) and returns one result per task. */
  List<TaskResult> execute() throws InterruptedException {
    TaskStatus[] statuses = dispatcher.run(this::runTask, this);
    List<TaskResult> results = new ArrayList<>();
    for (int t = 0; t < graph.size(); t++) {
      AgentResult agentResult = agentResults[t];
      boolean ran = started[t] != null;
      results.add(
          new TaskResult(
              graph.id(t),
              statuses[t],
              ran ? executorOf[t] : null,
              ran ? 1 : 0,
              started[t],
              finished[t],
              rawDirectory[t],
              files.get(t),
              agentResult == null ? null : agentResult.usage(),
              agentResult == null ? Map.of() : agentResult.details(),
              errors[t]));
    }
    return results;
  }

  /** Stops dispatching; running tasks finish. */
  void stop() {
    dispatcher.stop();
  }

  private boolean runTask(int t, int executor) throws InterruptedException {
    Task task = plan.tasks().get(t);
    Path raw = outputDirectory.resolve("executor_" + executor).resolve(task.id());
    TaskWorkspace workspace = new TaskWorkspace(raw);
    rawDirectory[t] = raw;
    executorOf[t] = executor;
    TaskAssignment assignment =
        new TaskAssignment(
            plan,
            task,
            executor,
            1,
            workspace,
            dependencyOutputs(t),
            (message, fraction) ->
                listener.on(
                    new RunEvent.TaskProgress(clock.instant(), task.id(), executor, message, fraction)));
    started[t] = clock.instant();
    boolean succeeded;
    try {
      agentResults[t] = agents.get(executor - 1).execute(assignment);
      succeeded = true;
    } catch (AgentException e) {
      errors[t] = e.getMessage();
      log.warn("task {} failed on executor {}: {}", task.id(), executor, e.getMessage());
      succeeded = false;
    } catch (RuntimeException e) {
      errors[t] = "the agent failed unexpectedly: " + e;
      log.error("task {} failed on executor {} with an unexpected error", task.id(), executor, e);
      succeeded = false;
    } finally {
      finished[t] = clock.instant();
      files.set(t, workspace.files());
    }
    return succeeded;
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
    for (int d : graph.topologicalOrder()) {
      if (ancestors.get(d) && rawDirectory[d] != null) {
        Path raw = rawDirectory[d];
        outputs.put(graph.id(d), files.get(d).stream().map(raw::resolve).toList());
      }
    }
    return outputs;
  }

  // Dispatcher decisions, under its lock: turn them into run events.

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
    Duration duration = Duration.between(started[task], finished[task]);
    if (succeeded) {
      listener.on(
          new RunEvent.TaskCompleted(
              finished[task], graph.id(task), name(task), executor, duration, files.get(task).size()));
    } else {
      listener.on(
          new RunEvent.TaskFailed(
              finished[task], graph.id(task), name(task), executor, duration, errors[task]));
    }
  }

  @Override
  public void skipped(int task, int failedDependency) {
    String reason = "skipped because " + graph.id(failedDependency) + " failed";
    errors[task] = reason;
    listener.on(new RunEvent.TaskSkipped(clock.instant(), graph.id(task), name(task), reason));
  }

  private String name(int task) {
    return plan.tasks().get(task).name();
  }

  int executors() {
    return executors;
  }
}
