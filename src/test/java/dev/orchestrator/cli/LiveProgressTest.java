package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orchestrator.ChildJvm;
import dev.orchestrator.run.RunEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Help.Ansi;

/**
 * The live display on a terminal: the block redrawn in place never leaves lines behind, however
 * narrow the terminal, and repair rounds show their fix tasks like a run shows its tasks. The
 * end-to-end cases run the command line on a real pseudo-terminal ({@code script} from util-linux)
 * and read what a terminal of that width would show.
 */
@Timeout(240)
class LiveProgressTest {

  private static final Instant AT = Instant.parse("2030-01-01T10:00:00Z");

  @TempDir Path temp;

  @Test
  void a_repair_round_after_every_task_completed_draws_its_fix_tasks_instead_of_crashing() {
    StringWriter text = new StringWriter();
    LiveProgress live = new LiveProgress(new PrintWriter(text), new Terminal(true, Ansi.OFF, 100));

    live.on(new RunEvent.RunStarted(AT, 2, 2, temp, 0));
    for (String id : List.of("task_1", "task_2")) {
      live.on(new RunEvent.TaskStarted(AT, id, "Code", 1));
      live.on(new RunEvent.TaskCompleted(AT, id, "Code", 1, Duration.ofSeconds(1), 1, null));
    }
    live.on(new RunEvent.RepairRoundStarted(AT, 1, List.of("task_1-fix1"), 2));
    live.on(new RunEvent.TaskStarted(AT, "task_1-fix1", "Fix", 1));
    live.on(
        new RunEvent.TaskCompleted(AT, "task_1-fix1", "Fix", 1, Duration.ofSeconds(1), 1, null));
    live.on(new RunEvent.RunFinished(AT, 3, 0, 0, 0, Duration.ofSeconds(3)));

    List<String> screen = Screen.after(text.toString(), 100);
    assertThat(screen)
        .containsSubsequence(
            "[Executor-1] ✓ Completed task_2 (1.0s)",
            "Repair round 1: 1 fix task (task_1-fix1) on 1 executor",
            "[Executor-1] ✓ Completed task_1-fix1 (1.0s)");
    assertThat(text.toString()).contains("] 1/1 task");
    assertThat(screen).noneMatch(line -> line.contains("Executor-1  "));
  }

  @Test
  void every_line_of_the_block_fits_a_narrow_terminal() {
    StringWriter text = new StringWriter();
    LiveProgress live = new LiveProgress(new PrintWriter(text), new Terminal(true, Ansi.OFF, 30));

    live.on(new RunEvent.RunStarted(AT, 12, 2, temp, 0));
    live.on(new RunEvent.TaskStarted(AT, "task_1", "A task with a long name ".repeat(4), 1));

    assertThat(Screen.after(text.toString(), 1000))
        .filteredOn(line -> line.startsWith("  "))
        .isNotEmpty()
        .allMatch(line -> line.length() <= 29);
  }

  @Test
  void a_run_with_a_repair_round_on_a_50_column_pty_ends_with_every_line_once() throws Exception {
    assumeTrue(runs("python3", "-c", "import pytest"), "skipped: no python3 with pytest");

    Pty run = onPty(50, Map.of(), calculatorRun());

    assertThat(run.exitCode()).as(run.output()).isZero();
    List<String> screen = Screen.after(run.output(), 50);
    assertThat(screen)
        .as(run.output())
        .anyMatch(line -> line.startsWith("Repair round 1: 2 fix tasks (task_1-fix1, task_2-f"))
        .anyMatch(line -> line.startsWith("Tests, round 2: 2 passed, 0 failed"));
    assertEachTaskOnceAndNoBlockLeft(screen, "task_1", "task_2", "task_1-fix1", "task_2-fix1");
    assertThat(run.output()).doesNotContain("Exception");
  }

  @Test
  void columns_in_the_environment_is_the_width_when_the_terminal_says_otherwise() throws Exception {
    Pty run =
        onPty(
            200,
            Map.of("COLUMNS", "50"),
            List.of("Build a todo list app", "-m", "3", "--simulate-delay", "50ms"));

    assertThat(run.exitCode()).as(run.output()).isZero();
    List<String> screen = Screen.after(run.output(), 50);
    assertThat(screen).as(run.output()).anyMatch(line -> line.startsWith("Running "));
    assertEachTaskOnceAndNoBlockLeft(
        screen,
        screen.stream()
            .filter(line -> line.contains("Completed "))
            .map(line -> line.replaceAll(".*Completed (\\S+) .*", "$1"))
            .toArray(String[]::new));
  }

  private static void assertEachTaskOnceAndNoBlockLeft(List<String> screen, String... tasks) {
    String shown = String.join("\n", screen);
    assertThat(tasks).as(shown).isNotEmpty();
    assertThat(screen)
        .as(shown)
        .noneMatch(line -> line.startsWith("  Executor-") || line.startsWith("  ["));
    for (String task : tasks) {
      assertThat(screen.stream().filter(line -> line.contains("Completed " + task + " ")))
          .as(shown)
          .hasSize(1);
    }
  }

  record Pty(int exitCode, String output) {}

  /**
   * The arguments of a run of a buggy calculator and its tests: the tests fail, the fix task of
   * round 1 repairs the code, round 2 passes.
   */
  private List<String> calculatorRun() throws IOException {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path agent = bin.resolve("fake-agent");
    Files.writeString(
        agent,
        "#!/bin/bash\nset -e\ncase \"$1\" in\n  task_1)\n"
            + VerifyAndRepairTest.PYTHON_BUGGY
            + "\n  ;;\n  task_2)\n"
            + VerifyAndRepairTest.PYTHON_TESTS
            + "\n  ;;\n  task_1-fix1)\n"
            + VerifyAndRepairTest.PYTHON_FIX
            + "\n  ;;\nesac\necho \"done $1\"\n");
    assertThat(agent.toFile().setExecutable(true)).isTrue();
    Path plan = temp.resolve("plan.json");
    Files.writeString(
        plan,
        VerifyAndRepairTest.calculatorPlan("\"calc.py\",\"requirements.txt\"", "\"tests/**\""));
    return List.of(
        "run",
        "--plan",
        plan.toString(),
        "--executor",
        "command",
        "--agent-command",
        "fake-agent {task_id}");
  }

  /**
   * Runs the command line on a pseudo-terminal of {@code columns}, the output directory in the
   * test's directory and {@code bin} of it first on the PATH.
   */
  private Pty onPty(int columns, Map<String, String> environment, List<String> args)
      throws Exception {
    assumeTrue(runs("script", "--version"), "skipped: no script (util-linux) to make a pty");
    StringBuilder line = new StringBuilder("#!/bin/sh\nstty cols " + columns + " rows 60\nexec");
    List<String> command = new ArrayList<>();
    command.addAll(ChildJvm.orchestrator());
    command.addAll(args);
    command.addAll(List.of("-o", temp.resolve("out").toString()));
    for (String arg : command) {
      line.append(" '").append(arg.replace("'", "'\\''")).append('\'');
    }
    Path script = temp.resolve("run.sh");
    Files.writeString(script, line.append('\n').toString());
    assertThat(script.toFile().setExecutable(true)).isTrue();
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path capture = temp.resolve("pty.txt");
    ProcessBuilder builder =
        new ProcessBuilder("script", "-q", "-e", "-c", script.toString(), "/dev/null")
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .redirectErrorStream(true)
            .redirectOutput(capture.toFile());
    builder.environment().remove("COLUMNS");
    builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    builder.environment().put("TERM", "xterm");
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    assertThat(process.waitFor(200, TimeUnit.SECONDS)).as("ended").isTrue();
    return new Pty(process.exitValue(), Files.readString(capture, StandardCharsets.UTF_8));
  }

  private static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
