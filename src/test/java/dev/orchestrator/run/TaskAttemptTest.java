package dev.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.agent.Agent;
import dev.orchestrator.agent.AgentResult;
import dev.orchestrator.agent.WorkspaceViolation;
import dev.orchestrator.plan.Plan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One attempt at one task, the unit both engines run. */
@Timeout(30)
class TaskAttemptTest {

  @TempDir Path temp;
  final Plan plan = OrchestratorTest.chainAndLoner();
  final ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopAlarms() {
    alarms.shutdownNow();
  }

  private AttemptRequest request(Path directory, Map<String, List<Path>> dependencies) {
    return new AttemptRequest(plan, plan.tasks().get(1), 1, 1, directory, dependencies);
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes("UTF-8")));
  }

  @Test
  void runs_the_agent_in_a_cleared_directory_and_returns_the_manifest_of_what_it_wrote()
      throws Exception {
    Path directory = temp.resolve("attempt");
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("left-by-a-crash.txt"), "stale");
    Agent agent =
        assignment -> {
          assignment.workspace().write("src/t2/app.py", "print('hi')\n");
          return AgentResult.of("done");
        };

    AttemptOutput output =
        new TaskAttempt(agent, AttemptTimer.UNLIMITED)
            .run(request(directory, Map.of()), (m, f) -> {});

    assertThat(output.manifest()).containsOnlyKeys("src/t2/app.py");
    assertThat(output.manifest().get("src/t2/app.py")).isEqualTo(sha256("print('hi')\n"));
    assertThat(directory.resolve("left-by-a-crash.txt")).doesNotExist();
    assertThat(output.result().summary()).isEqualTo("done");
  }

  @Test
  void a_file_over_the_cap_written_behind_the_workspace_s_back_fails_the_attempt() {
    Path directory = temp.resolve("attempt");
    Agent writesDirectly =
        assignment -> {
          try {
            Files.createDirectories(directory);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          try (var file =
              FileChannel.open(
                  directory.resolve("huge.bin"),
                  StandardOpenOption.CREATE_NEW,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.SPARSE)) {
            file.position(2L << 30).write(ByteBuffer.wrap(new byte[] {1}));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return AgentResult.of("done");
        };

    assertThatThrownBy(
            () ->
                new TaskAttempt(writesDirectly, AttemptTimer.UNLIMITED)
                    .run(request(directory, Map.of()), (m, f) -> {}))
        .isInstanceOf(WorkspaceViolation.class)
        .hasMessageContaining("huge.bin");
    assertThat(directory.resolve("huge.bin")).doesNotExist();
  }

  @Test
  void the_agent_is_given_the_dependencies_files() throws Exception {
    Path dependencyFile = temp.resolve("executor_1/task_1/src/t1/lib.py");
    Files.createDirectories(dependencyFile.getParent());
    Files.writeString(dependencyFile, "x = 1\n");
    Agent agent =
        assignment -> {
          assertThat(assignment.dependencyOutputs()).containsOnlyKeys("task_1");
          String copied;
          try {
            copied = Files.readString(assignment.dependencyOutputs().get("task_1").get(0));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          assignment.workspace().write("src/t2/copy.py", copied);
          return AgentResult.of("done");
        };

    AttemptOutput output =
        new TaskAttempt(agent, AttemptTimer.UNLIMITED)
            .run(
                request(temp.resolve("attempt"), Map.of("task_1", List.of(dependencyFile))),
                (m, f) -> {});

    assertThat(output.manifest().get("src/t2/copy.py")).isEqualTo(sha256("x = 1\n"));
  }

  @Test
  void an_agent_that_outlives_the_time_limit_is_interrupted_and_times_out_retryably() {
    CountDownLatch never = new CountDownLatch(1);
    Agent hangs =
        assignment -> {
          never.await();
          return AgentResult.of("unreachable");
        };
    AttemptTimer timer = new AttemptTimer(Duration.ofMillis(50), alarms, () -> false);

    assertThatThrownBy(
            () ->
                new TaskAttempt(hangs, timer)
                    .run(request(temp.resolve("a"), Map.of()), (m, f) -> {}))
        .isInstanceOf(AttemptTimer.TimedOut.class)
        .hasMessageContaining("timed out after 0.05s")
        .hasMessageContaining("--task-timeout")
        .matches(e -> ((AttemptTimer.TimedOut) e).retryable());
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void a_cancelled_attempt_stays_a_cancellation_even_when_its_time_is_up() {
    CountDownLatch never = new CountDownLatch(1);
    Agent hangs =
        assignment -> {
          never.await();
          return AgentResult.of("unreachable");
        };
    AttemptTimer timer = new AttemptTimer(Duration.ofMillis(50), alarms, () -> true);

    assertThatThrownBy(
            () ->
                new TaskAttempt(hangs, timer)
                    .run(request(temp.resolve("a"), Map.of()), (m, f) -> {}))
        .isInstanceOf(InterruptedException.class);
    assertThat(Thread.interrupted()).isTrue(); // the cancellation's interrupt is kept
  }
}
