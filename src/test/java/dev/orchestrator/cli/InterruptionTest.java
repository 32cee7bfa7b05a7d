package dev.orchestrator.cli;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.ChildJvm;
import dev.orchestrator.llm.fake.FakeModelServer;
import dev.orchestrator.run.RunEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A signal ends every phase promptly with 130, whether or not the phase looks at it. */
@Timeout(60)
class InterruptionTest {

  @TempDir Path temp;

  @Test
  void a_signal_before_a_run_can_be_cancelled_exits_at_once_with_130() throws Exception {
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Interruption interruption =
        new Interruption(new PrintWriter(new StringWriter()), exit::complete, Duration.ofDays(1));

    interruption.interrupt();

    assertThat(exit.get(1, SECONDS)).isEqualTo(130);
  }

  @Test
  void a_phase_that_ignores_the_cancellation_is_ended_after_the_grace_time() throws Exception {
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    CountDownLatch cancelled = new CountDownLatch(1);
    Interruption interruption =
        new Interruption(
            new PrintWriter(new StringWriter()), exit::complete, Duration.ofMillis(200));
    interruption.onFirst(cancelled::countDown); // a phase that never ends on its own

    interruption.interrupt();

    assertThat(cancelled.await(1, SECONDS)).isTrue();
    assertThat(exit.get(5, SECONDS)).isEqualTo(130);
  }

  @Test
  void a_run_on_remote_workers_gets_their_extra_grace_before_the_process_exits() {
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Interruption interruption =
        new Interruption(
            new PrintWriter(new StringWriter()), exit::complete, Duration.ofMillis(200));
    interruption.onFirst(() -> {}, Duration.ofDays(1));

    interruption.interrupt();

    assertThatThrownBy(() -> exit.get(1, SECONDS)).isInstanceOf(TimeoutException.class);
  }

  @Test
  void a_signal_while_planning_says_there_is_nothing_to_resume() {
    StringWriter err = new StringWriter();
    Interruption interruption =
        new Interruption(new PrintWriter(err, true), code -> {}, Duration.ofDays(1));
    interruption.onFirst(() -> {});
    interruption.planning(true);

    interruption.interrupt();

    assertThat(err.toString())
        .contains("while planning", "nothing to resume")
        .doesNotContain("<output-dir>");
  }

  @Test
  void a_signal_after_planning_names_resume() {
    StringWriter err = new StringWriter();
    Interruption interruption =
        new Interruption(new PrintWriter(err, true), code -> {}, Duration.ofDays(1));
    interruption.onFirst(() -> {});
    interruption.planning(true);
    interruption.planning(false);
    interruption.onEvent(
        new RunEvent.RunStarted(Instant.EPOCH, 3, 2, Path.of("outputs", "todo"), 0));

    interruption.interrupt();

    assertThat(err.toString())
        .contains("orchestrator resume " + Path.of("outputs", "todo"))
        .doesNotContain("while planning");
  }

  @Test
  void a_signal_while_claude_code_plans_ends_the_planner_and_returns_130_before_the_grace()
      throws Exception {
    Path claude = hangingClaude();
    AtomicLong planner = new AtomicLong();

    Signalled signalled =
        signalWhilePlanning(
            System.getenv(),
            () -> {
              planner.set(plannerPid());
              return true;
            },
            "Build a todo list app",
            "--planner",
            "claude-code",
            "--claude-binary",
            claude,
            "--sandbox",
            "off",
            "-o",
            temp.resolve("out"));

    // Before, planning went on until the grace ran out and the process was halted.
    assertThat(signalled.exit()).as(signalled.err()).isEqualTo(130);
    assertThat(signalled.halted()).isFalse();
    assertThat(ProcessHandle.of(planner.get()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(signalled.err()).contains("Interrupted while planning").doesNotContain("error:");
  }

  @Test
  void a_signal_while_a_model_plans_cancels_its_request_and_returns_130_before_the_grace()
      throws Exception {
    CountDownLatch asked = new CountDownLatch(1);
    try (FakeModelServer server =
        FakeModelServer.start(
            "sk-test",
            call -> {
              asked.countDown();
              Thread.sleep(Long.MAX_VALUE); // a model that never answers
              return null;
            })) {

      Signalled signalled =
          signalWhilePlanning(
              Map.of("OPENAI_API_KEY", "sk-test", "PATH", System.getenv("PATH")),
              () -> asked.await(30, SECONDS),
              "Build a todo list app",
              "--real",
              "--provider",
              "openai",
              "--base-url",
              server.url(),
              "--model",
              "gpt-4.1-mini",
              "-o",
              temp.resolve("out"));

      assertThat(signalled.exit()).as(signalled.err()).isEqualTo(130);
      assertThat(signalled.halted()).isFalse();
      assertThat(signalled.err()).contains("Interrupted while planning").doesNotContain("error:");
    }
  }

  @Test
  void sigterm_while_a_planner_hangs_ends_the_process_with_130_and_the_planner_with_it()
      throws Exception {
    Path claude = hangingClaude();
    ProcessBuilder builder =
        new ProcessBuilder(
                ChildJvm.orchestrator(
                    "Build a todo list app",
                    "--planner",
                    "claude-code",
                    // The planner writes its pid beside the run, as the host sees it: unconfined.
                    "--sandbox",
                    "off",
                    "-o",
                    temp.resolve("out").toString()))
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("console.txt").toFile());
    builder.environment().put("PATH", claude.getParent() + ":/usr/bin:/bin");
    Process orchestrator = builder.start();
    try {
      long planner = plannerPid();

      orchestrator.destroy(); // SIGTERM, as timeout(1), CI runners and systemd send

      assertThat(orchestrator.waitFor(20, SECONDS)).as("exited promptly").isTrue();
      assertThat(orchestrator.exitValue()).isEqualTo(130);
      org.awaitility.Awaitility.await()
          .atMost(20, SECONDS)
          .until(() -> ProcessHandle.of(planner).map(h -> !h.isAlive()).orElse(true));
    } finally {
      orchestrator.destroyForcibly();
    }
  }

  /** What the main command did when signalled while planning, run in this JVM. */
  private record Signalled(int exit, boolean halted, String err) {}

  /**
   * Runs the main command in this JVM with an interruption whose grace never runs out, signals it
   * once {@code planning} says the planner is at work, and waits up to 30 s for its exit code.
   */
  private static Signalled signalWhilePlanning(
      Map<String, String> environment, Callable<Boolean> planning, Object... args)
      throws Exception {
    CompletableFuture<Integer> halted = new CompletableFuture<>();
    StringWriter err = new StringWriter();
    Interruption interruption =
        new Interruption(new PrintWriter(err, true), halted::complete, Duration.ofDays(1));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                Cli.execute(
                    CliRun.args(args),
                    new PrintWriter(new StringWriter(), true),
                    new PrintWriter(err, true),
                    false,
                    interruption,
                    environment));
    assertThat(planning.call()).as("the planner is at work: " + err).isTrue();

    interruption.interrupt();

    return new Signalled(exit.get(30, SECONDS), halted.isDone(), err.toString());
  }

  // A claude that writes its pid and hangs.
  private Path hangingClaude() throws IOException {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path claude = bin.resolve("claude");
    Files.writeString(
        claude, "#!/bin/sh\necho $$ > \"" + temp.resolve("claude.pid") + "\"\nexec sleep 300\n");
    Files.setPosixFilePermissions(claude, PosixFilePermissions.fromString("rwxr-xr-x"));
    return claude;
  }

  private long plannerPid() throws IOException {
    Path pid = temp.resolve("claude.pid");
    org.awaitility.Awaitility.await()
        .atMost(30, SECONDS)
        .until(() -> Files.exists(pid) && !Files.readString(pid).isBlank());
    return Long.parseLong(Files.readString(pid).strip());
  }
}
