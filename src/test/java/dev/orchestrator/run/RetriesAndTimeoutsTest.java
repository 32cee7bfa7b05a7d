package dev.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.Json;
import dev.orchestrator.agent.Agent;
import dev.orchestrator.agent.AgentException;
import dev.orchestrator.agent.AgentResult;
import dev.orchestrator.output.Attempt;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.plan.TaskStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class RetriesAndTimeoutsTest {

  @TempDir Path temp;
  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  private RunOutcome run(RetryPolicy policy, Agent agent) throws InterruptedException {
    return Orchestrator.builder()
        .maxExecutors(2)
        .outputDirectory(temp.resolve("out"))
        .retryPolicy(policy)
        .agents(
            executor ->
                assignment -> {
                  calls
                      .computeIfAbsent(assignment.task().id(), id -> new AtomicInteger())
                      .incrementAndGet();
                  return agent.execute(assignment);
                })
        .build()
        .execute(OrchestratorTest.chainAndLoner());
  }

  private static Agent writesFile() {
    return assignment -> {
      assignment.workspace().write("src/" + assignment.task().id() + ".py", "pass\n");
      return AgentResult.of("ok");
    };
  }

  private static TaskResult result(RunOutcome outcome, String id) {
    return outcome.record().results().stream()
        .filter(r -> r.taskId().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static RetryPolicy policy(Duration timeout, int retries) {
    return new RetryPolicy(timeout, retries, Duration.ofMillis(5), Duration.ofMillis(20));
  }

  @Test
  void a_retryable_failure_is_retried_and_every_attempt_is_recorded() throws Exception {
    Agent flaky =
        assignment -> {
          if (assignment.task().id().equals("task_2") && assignment.attempt() == 1) {
            assignment.workspace().write("partial.txt", "half");
            throw new AgentException("the agent crashed", true);
          }
          return writesFile().execute(assignment);
        };

    RunOutcome outcome = run(policy(null, 2), flaky);

    TaskResult task2 = result(outcome, "task_2");
    assertThat(task2.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(task2.attempts())
        .extracting(Attempt::outcome)
        .containsExactly(Attempt.Outcome.FAILED, Attempt.Outcome.COMPLETED);
    assertThat(task2.outputFiles())
        .as("only the successful attempt's files are the output")
        .containsExactly("src/task_2.py");
    assertThat(outcome.allCompleted()).isTrue();
    assertThat(
            Json.mapper()
                .readTree(temp.resolve("out/execution_summary.json").toFile())
                .at("/tasks/1/attempt_history/0/outcome")
                .asText())
        .isEqualTo("failed");
  }

  @Test
  void a_permanent_failure_is_not_retried() throws Exception {
    Agent rejecting =
        assignment -> {
          if (assignment.task().id().equals("task_2")) {
            throw new AgentException("the API rejected the key", false);
          }
          return writesFile().execute(assignment);
        };

    RunOutcome outcome = run(policy(null, 3), rejecting);

    assertThat(calls.get("task_2")).hasValue(1);
    assertThat(result(outcome, "task_2").status()).isEqualTo(TaskStatus.FAILED);
    assertThat(result(outcome, "task_3").status()).isEqualTo(TaskStatus.SKIPPED);
  }

  @Test
  void retries_stop_after_the_limit_and_the_error_says_how_many_attempts() throws Exception {
    Agent alwaysCrashing =
        assignment -> {
          if (assignment.task().id().equals("task_4")) {
            throw new AgentException("segmentation fault", true);
          }
          return writesFile().execute(assignment);
        };

    RunOutcome outcome = run(policy(null, 2), alwaysCrashing);

    assertThat(calls.get("task_4")).hasValue(3);
    assertThat(result(outcome, "task_4").error())
        .isEqualTo("segmentation fault (after 3 attempts)");
  }

  @Test
  void an_attempt_past_the_timeout_is_interrupted_and_fails_as_timed_out() throws Exception {
    Agent hanging =
        assignment -> {
          if (assignment.task().id().equals("task_1")) {
            new CountDownLatch(1).await(); // never released: only the timeout ends it
          }
          return writesFile().execute(assignment);
        };

    // The limit holds for every attempt: long enough that a loaded machine does not time out the
    // quick ones.
    RunOutcome outcome = run(policy(Duration.ofSeconds(1), 0), hanging);

    TaskResult task1 = result(outcome, "task_1");
    assertThat(task1.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(task1.error()).contains("timed out after 1.0s", "--task-timeout");
    assertThat(task1.attempts())
        .extracting(Attempt::outcome)
        .containsExactly(Attempt.Outcome.TIMED_OUT);
    assertThat(result(outcome, "task_2").status()).isEqualTo(TaskStatus.SKIPPED);
    assertThat(result(outcome, "task_4").status()).isEqualTo(TaskStatus.COMPLETED);
  }

  @Test
  void a_timed_out_attempt_is_retried() throws Exception {
    Agent slowOnce =
        assignment -> {
          if (assignment.task().id().equals("task_1") && assignment.attempt() == 1) {
            new CountDownLatch(1).await();
          }
          return writesFile().execute(assignment);
        };

    RunOutcome outcome = run(policy(Duration.ofSeconds(1), 1), slowOnce);

    assertThat(result(outcome, "task_1").attempts())
        .extracting(Attempt::outcome)
        .containsExactly(Attempt.Outcome.TIMED_OUT, Attempt.Outcome.COMPLETED);
    assertThat(outcome.allCompleted()).isTrue();
  }

  @Test
  void backoff_doubles_per_retry_up_to_its_cap() {
    RetryPolicy policy = new RetryPolicy(null, 5, Duration.ofSeconds(1), Duration.ofSeconds(3));

    assertThat(List.of(2, 3, 4, 5).stream().map(policy::backoffBefore))
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(3),
            Duration.ofSeconds(3));
  }
}
