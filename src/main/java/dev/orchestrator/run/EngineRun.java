package dev.orchestrator.run;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.orchestrator.agent.AgentResult;
import dev.orchestrator.output.Attempt;
import dev.orchestrator.output.Backend;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.usage.TokenUsage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One prepared run as an {@link Engine} sees it: the plan with its searched dispatch order, where
 * the outputs go, and the one door through which a task's end is accepted. Accepting a completion
 * moves its files into {@code executor_<k>/<task_id>/}, journals it and announces it, exactly as a
 * local run does; a second acceptance of the same task (a redelivery) is ignored, so an engine that
 * delivers at least once still accepts exactly once. Thread-safe.
 */
public final class EngineRun {

  private final ExecutionContext context;
  private final boolean resumed;
  private final RawOutputs outputs;

  @GuardedBy("this")
  private final TaskEnds ends;

  private final Consumer<Backend> executors;
  private final Request cancelRequest = new Request();
  private final Request stopRequest = new Request();

  /**
   * @param resumed whether the run resumes an earlier one in the same directory
   * @param executors told what ran each attempt, as the workers report it
   */
  EngineRun(ExecutionContext context, boolean resumed, Consumer<Backend> executors) {
    this.context = context;
    this.resumed = resumed;
    this.outputs = new RawOutputs(context);
    this.ends = new TaskEnds(context);
    this.executors = executors;
  }

  public Plan plan() {
    return context.plan();
  }

  public TaskGraph graph() {
    return context.graph();
  }

  /** Dispatch rank of each task by position, lower first (the order {@code simulate} predicts). */
  public int[] rank() {
    return context.dispatch().rank().clone();
  }

  /** For each task by position, the tasks it must not run beside (their files overlap). */
  public int[][] conflicts() {
    int[][] conflicts = context.dispatch().conflicts();
    int[][] copy = new int[conflicts.length][];
    for (int t = 0; t < copy.length; t++) {
      copy[t] = conflicts[t].clone();
    }
    return copy;
  }

  /** The run's output directory, absolute. */
  public Path directory() {
    return context.directory();
  }

  /** Whether this run resumes an earlier one in the same directory. */
  public boolean resumed() {
    return resumed;
  }

  public RetryPolicy retryPolicy() {
    return context.retryPolicy();
  }

  /** The run's event channel, for what the engine announces itself (queued, started, retrying). */
  public RunListener events() {
    return context.events();
  }

  /**
   * The tasks completed in an earlier run with intact output, by id in plan order, their files in
   * their raw directories.
   */
  public Map<String, TaskResult> completedBefore() {
    return context.completedBefore();
  }

  /** A directory below the run's state where attempt {@code number} of a task may be unpacked. */
  public Path attemptDirectory(String taskId, int number) {
    return outputs.attemptDirectory(taskId, number);
  }

  /**
   * Accepts a completed task: moves {@code attemptDirectory} into {@code executor_<k>/<task_id>/},
   * journals the completion (on disk before this returns) and announces {@link
   * RunEvent.TaskCompleted}.
   *
   * @param executor the slot, 1..M, that ran the completing attempt
   * @param attempts every attempt at the task, the completing one last
   * @param failedUsage what the attempts before the completing one spent; null if nothing
   * @return false if the task was accepted before (in this run or an earlier one): nothing is done
   */
  public synchronized boolean accept(
      String taskId,
      int executor,
      Path attemptDirectory,
      AgentResult result,
      Map<String, String> manifest,
      List<Attempt> attempts,
      TokenUsage failedUsage) {
    int t = graph().indexOf(taskId);
    if (ends.ran(t)) {
      return false;
    }
    AttemptOutput output = new AttemptOutput(result, manifest);
    TaskResult placed =
        outputs.place(
            t, executor, TaskRun.completed(attempts, output, attemptDirectory, failedUsage));
    context.journal().taskCompleted(context.directory(), placed, output.manifest());
    ends.record(t, placed);
    ends.announceEnd(t, executor);
    return true;
  }

  /**
   * Records that a task failed for good and announces {@link RunEvent.TaskFailed}.
   *
   * @param attempts every attempt at the task, at least one
   * @param usage what the attempts spent, paid all the same; null if nothing
   * @return false if the task's end was recorded before
   */
  public synchronized boolean fail(
      String taskId, int executor, List<Attempt> attempts, String error, TokenUsage usage) {
    int t = graph().indexOf(taskId);
    if (ends.ran(t)) {
      return false;
    }
    attempts.forEach(a -> context.journal().attemptEnded(taskId, a));
    ends.record(
        t,
        TaskRun.failed(attempts, null, error, usage, Map.of())
            .result(taskId, ends.name(t), null, List.of()));
    ends.announceEnd(t, executor);
    return true;
  }

  /**
   * Records that a task's attempt was cancelled (Ctrl-C) as a local run does: the task counts as
   * not started, with its attempts (the cancelled one last), and a later run does it again.
   *
   * @param attempts every attempt at the task, at least one
   * @param usage what the attempts spent, paid all the same; null if nothing
   * @return false if the task's end was recorded before
   */
  public synchronized boolean cancelled(String taskId, List<Attempt> attempts, TokenUsage usage) {
    int t = graph().indexOf(taskId);
    if (ends.ran(t) || attempts.isEmpty()) {
      return false;
    }
    ends.record(
        t, TaskRun.cancelled(attempts, usage).result(taskId, ends.name(t), null, List.of()));
    return true;
  }

  /**
   * Records that a task will not run because a dependency failed and announces {@link
   * RunEvent.TaskSkipped}.
   *
   * @return false if the task's end was recorded before
   */
  public synchronized boolean skip(String taskId, String reason) {
    int t = graph().indexOf(taskId);
    if (ends.ran(t) || ends.skipped(t)) {
      return false;
    }
    ends.skip(t, reason);
    return true;
  }

  /**
   * Records what ran one of the run's attempts, as the worker that ran it reports it: the run's
   * summary names its executor from these (see {@link Backend#ofAttempts}), not from this process's
   * options, for the workers choose their own agents.
   */
  public void executedBy(Backend executor) {
    if (executor != null) {
      executors.accept(executor);
    }
  }

  /**
   * One result per task in plan order: completed earlier, accepted, failed or skipped as recorded
   * here; any other task, a cancelled one included, was not started.
   */
  public synchronized List<TaskResult> results() {
    return ends.results();
  }

  /**
   * What the engine does when the run is cancelled (Ctrl-C); run at once if it already was. Called
   * on the cancelling thread, logging into the run's log as the registering thread does.
   */
  public void onCancel(Runnable action) {
    cancelRequest.onMade(RunLogFile.bound(action));
  }

  /** Called by the run's control; an engine hears it through {@link #onCancel}. */
  void cancel() {
    cancelRequest.make();
  }

  /**
   * What the engine does when the run is stopped ({@code --max-cost} reached): start no further
   * task, let running ones finish. Run at once if it already was stopped; called on the stopping
   * thread, logging into the run's log as the registering thread does.
   */
  public void onStop(Runnable action) {
    stopRequest.onMade(RunLogFile.bound(action));
  }

  /** Called by the run's control; an engine hears it through {@link #onStop}. */
  void stop() {
    stopRequest.make();
  }

  /**
   * A stop or cancel request and the engine's action on it, run once both are there: the action
   * runs outside the lock, on the thread that came second.
   */
  private final class Request {
    @GuardedBy("EngineRun.this")
    private Runnable action = () -> {};

    @GuardedBy("EngineRun.this")
    private boolean made;

    void onMade(Runnable action) {
      boolean now;
      synchronized (EngineRun.this) {
        this.action = requireNonNull(action, "action");
        now = made;
      }
      if (now) {
        action.run();
      }
    }

    void make() {
      Runnable onMade;
      synchronized (EngineRun.this) {
        made = true;
        onMade = action;
      }
      onMade.run();
    }
  }
}
