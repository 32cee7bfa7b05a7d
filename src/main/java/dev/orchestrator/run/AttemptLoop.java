package dev.orchestrator.run;

import dev.orchestrator.Sleeper;
import dev.orchestrator.agent.AgentException;
import dev.orchestrator.output.Attempt;
import dev.orchestrator.process.ProgressSink;
import dev.orchestrator.usage.TokenUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attempts a task until an attempt completes, a failure is permanent, or the retries of the {@link
 * RetryPolicy} are used up, waiting the policy's backoff between attempts. Each attempt is
 * journalled; each retry is announced as a {@link RunEvent.TaskRetrying}.
 */
final class AttemptLoop {

  private static final Logger log = LoggerFactory.getLogger(AttemptLoop.class);

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Journal journal;
  private final RunListener listener;
  private final BooleanSupplier cancelled;

  AttemptLoop(
      RetryPolicy policy,
      Sleeper sleeper,
      Clock clock,
      Journal journal,
      RunListener listener,
      BooleanSupplier cancelled) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
    this.journal = journal;
    this.listener = listener;
    this.cancelled = cancelled;
  }

  /**
   * Runs the attempts on the calling thread. A cancellation (an interrupt while the run is
   * cancelled) ends the loop with a {@link TaskRun.Outcome#CANCELLED} run and the thread's
   * interrupt flag set.
   *
   * @param requestFor the request of attempt {@code n}, from 1
   */
  TaskRun run(
      TaskAttempt attempt,
      IntFunction<AttemptRequest> requestFor,
      String taskId,
      int executor,
      ProgressSink progress) {
    List<Attempt> history = new ArrayList<>();
    TokenUsage failedUsage = null; // what failed attempts spent: paid for all the same
    for (int number = 1; ; number++) {
      AttemptRequest request = requestFor.apply(number);
      Instant start = clock.instant();
      journal.attemptStarted(start, taskId, executor, number);
      Attempt.Outcome outcome;
      String error;
      boolean retryable;
      try {
        AttemptOutput output = attempt.run(request, progress);
        history.add(
            new Attempt(number, executor, start, clock.instant(), Attempt.Outcome.COMPLETED, null));
        return TaskRun.completed(history, output, request.directory(), failedUsage);
      } catch (AttemptTimer.TimedOut e) {
        outcome = Attempt.Outcome.TIMED_OUT;
        error = e.getMessage();
        retryable = true;
      } catch (InterruptedException e) {
        return cancelled(history, number, executor, start, failedUsage);
      } catch (AgentException e) {
        outcome = Attempt.Outcome.FAILED;
        error = e.getMessage();
        retryable = e.retryable();
        failedUsage = TokenUsage.sum(failedUsage, e.usage());
      } catch (RuntimeException e) {
        // An interrupt closes whatever file channel the thread was using, so after a cancellation
        // any failure is the cancellation's doing, not the task's.
        if (!cancelled.getAsBoolean()) {
          log.error("task {} failed on executor {} with an unexpected error", taskId, executor, e);
        }
        outcome = Attempt.Outcome.FAILED;
        error = "the agent failed unexpectedly: " + e;
        retryable = false;
      }
      if (cancelled.getAsBoolean()) {
        return cancelled(history, number, executor, start, failedUsage);
      }
      Attempt ended = new Attempt(number, executor, start, clock.instant(), outcome, error);
      history.add(ended);
      journal.attemptEnded(taskId, ended);
      log.warn("task {} attempt {} on executor {}: {}", taskId, number, executor, error);
      if (!retryable || !policy.allowsAnotherAfter(number)) {
        return TaskRun.failed(
            history,
            request.directory(),
            RetryPolicy.finalError(error, number),
            failedUsage,
            attempt.failureDetails());
      }
      Duration backoff = policy.backoffBefore(number + 1);
      listener.on(
          new RunEvent.TaskRetrying(clock.instant(), taskId, executor, number, error, backoff));
      try {
        sleeper.sleep(backoff);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return TaskRun.cancelled(history, failedUsage);
      }
    }
  }

  private TaskRun cancelled(
      List<Attempt> history, int number, int executor, Instant start, TokenUsage failedUsage) {
    history.add(
        new Attempt(
            number, executor, start, clock.instant(), Attempt.Outcome.CANCELLED, "cancelled"));
    Thread.currentThread().interrupt();
    return TaskRun.cancelled(history, failedUsage);
  }
}
