package dev.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.Secrets;
import dev.orchestrator.agent.Agent;
import dev.orchestrator.agent.AgentException;
import dev.orchestrator.agent.AgentResult;
import dev.orchestrator.output.Attempt;
import dev.orchestrator.plan.Plan;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Retries and backoff around task attempts, with the waits recorded instead of taken. */
@Timeout(30)
class AttemptLoopTest {

  @TempDir Path temp;
  final Plan plan = OrchestratorTest.chainAndLoner();
  final List<Duration> waits = new CopyOnWriteArrayList<>();
  final List<RunEvent> events = new CopyOnWriteArrayList<>();
  boolean cancelled;
  Journal journal;

  @BeforeEach
  void openJournal() {
    journal = Journal.open(temp, Secrets.none());
  }

  @AfterEach
  void closeJournal() {
    journal.close();
  }

  private TaskRun run(int retries, Agent agent) {
    RetryPolicy policy =
        new RetryPolicy(null, retries, Duration.ofMillis(100), Duration.ofMillis(250));
    AttemptLoop loop =
        new AttemptLoop(
            policy, waits::add, Clock.systemUTC(), journal, events::add, () -> cancelled);
    return loop.run(
        new TaskAttempt(agent, AttemptTimer.UNLIMITED),
        n -> new AttemptRequest(plan, plan.tasks().get(0), 1, n, temp.resolve("a-" + n), Map.of()),
        "task_1",
        1,
        (m, f) -> {});
  }

  private static Agent failingTimes(int failures, boolean retryable, AtomicInteger calls) {
    return assignment -> {
      if (calls.incrementAndGet() <= failures) {
        throw new AgentException("crash " + calls.get(), retryable);
      }
      return AgentResult.of("ok");
    };
  }

  @Test
  void retryable_failures_are_retried_with_doubling_capped_backoff_through_the_sleeper() {
    AtomicInteger calls = new AtomicInteger();

    TaskRun run = run(5, failingTimes(4, true, calls));

    assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);
    assertThat(run.attempts())
        .extracting(Attempt::outcome)
        .containsExactly(
            Attempt.Outcome.FAILED,
            Attempt.Outcome.FAILED,
            Attempt.Outcome.FAILED,
            Attempt.Outcome.FAILED,
            Attempt.Outcome.COMPLETED);
    assertThat(waits)
        .containsExactly(
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofMillis(250),
            Duration.ofMillis(250));
    assertThat(events).hasSize(4).allMatch(e -> e instanceof RunEvent.TaskRetrying);
    assertThat(run.directory()).isEqualTo(temp.resolve("a-5"));
  }

  @Test
  void a_permanent_failure_is_not_retried() {
    AtomicInteger calls = new AtomicInteger();

    TaskRun run = run(5, failingTimes(1, false, calls));

    assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.FAILED);
    assertThat(run.error()).isEqualTo("crash 1");
    assertThat(calls).hasValue(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void when_the_retries_are_used_up_the_error_says_how_many_attempts_were_made() {
    TaskRun run = run(2, failingTimes(10, true, new AtomicInteger()));

    assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.FAILED);
    assertThat(run.error()).isEqualTo("crash 3 (after 3 attempts)");
  }

  @Test
  void an_interrupt_while_waiting_to_retry_cancels_the_task_and_keeps_the_interrupt() {
    RetryPolicy policy = new RetryPolicy(null, 3, Duration.ofMillis(100), Duration.ofSeconds(1));
    AttemptLoop loop =
        new AttemptLoop(
            policy,
            wait -> {
              throw new InterruptedException("Ctrl-C");
            },
            Clock.systemUTC(),
            journal,
            events::add,
            () -> cancelled);

    TaskRun run =
        loop.run(
            new TaskAttempt(failingTimes(10, true, new AtomicInteger()), AttemptTimer.UNLIMITED),
            n ->
                new AttemptRequest(
                    plan, plan.tasks().get(0), 1, n, temp.resolve("a-" + n), Map.of()),
            "task_1",
            1,
            (m, f) -> {});

    assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.CANCELLED);
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void an_unexpected_exception_from_an_agent_fails_the_task_with_what_was_thrown() {
    TaskRun run =
        run(
            3,
            assignment -> {
              throw new IllegalStateException("bug in the agent");
            });

    assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.FAILED);
    assertThat(run.error()).contains("the agent failed unexpectedly").contains("bug in the agent");
    assertThat(waits).as("a bug is not retried").isEmpty();
  }
}
