package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliRun.args;
import static dev.orchestrator.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.plan.Complexity;
import dev.orchestrator.plan.Effort;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.Task;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The "also found" of issue 21, black-box through the command line: endless or odd input is refused
 * with exit 2 and a message that says what to do, never a stack trace or a raw control character.
 */
@Timeout(60)
class HostileLimitsTest {

  @TempDir Path temp;

  static Task task(String id, String name, List<String> files) {
    return new Task(
        id, name, "does it", 2, Effort.LOW, Duration.ofMinutes(30), List.of("works"), files);
  }

  private Path plan(Task... tasks) throws Exception {
    Plan plan =
        new Plan(
            "limits",
            new Complexity(30, "", List.of(), List.of()),
            2,
            Plan.TASK_QUEUE,
            List.of(tasks),
            Map.of(),
            "",
            "",
            null);
    return Files.writeString(temp.resolve("plan.json"), PlanJson.write(plan));
  }

  private Path validPlan() throws Exception {
    return plan(task("task_1", "Task one", List.of()));
  }

  private CliRun.Result runPlan(Path plan) {
    return run(
        args(
            "run",
            "--plan",
            plan,
            "-o",
            temp.resolve("out"),
            "--simulate-delay",
            "0ms",
            "--no-verify",
            "-q"));
  }

  private static void assertRefused(CliRun.Result result, String... phrases) {
    assertThat(result.exitCode()).as(result.err()).isEqualTo(Cli.USAGE);
    assertThat(result.err()).contains(phrases).doesNotContain("Exception", "\tat ");
  }

  // Before the fix the device was read without end and the fifo blocked forever: the test
  // thread is left behind so that the test fails instead of hanging.
  @Test
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void a_plan_that_is_a_device_is_refused_without_reading_it() {
    CliRun.Result result = runPlan(Path.of("/dev/zero"));

    assertRefused(result, "not a regular file");
  }

  // Before the fix the device was read without end and the fifo blocked forever: the test
  // thread is left behind so that the test fails instead of hanging.
  @Test
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void a_plan_that_is_a_fifo_is_refused_without_waiting_for_a_writer() throws Exception {
    Path fifo = temp.resolve("plan.fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

    CliRun.Result result = runPlan(fifo);

    assertRefused(result, "not a regular file");
  }

  @Test
  void simulate_caps_the_executor_count_as_runs_do() throws Exception {
    CliRun.Result one = run(args("simulate", "--plan", validPlan(), "-m", Integer.MAX_VALUE));
    CliRun.Result sweep = run(args("simulate", "--plan", validPlan(), "--sweep", "9000..9010"));

    assertRefused(one, "at most 256");
    assertRefused(sweep, "at most 256");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../x.py", "src/../../x.py", "~/x.py", "src\\x.py", "/etc/x", "a\0b", ""})
  void a_file_claim_that_is_not_a_relative_path_inside_the_project_is_refused(String claim)
      throws Exception {
    CliRun.Result result = runPlan(plan(task("task_1", "Task one", List.of(claim))));

    assertRefused(result, "task_1 claims", "files");
    assertThat(temp.resolve("out")).doesNotExist();
  }

  @Test
  void ordinary_claims_are_accepted() throws Exception {
    CliRun.Result result =
        runPlan(
            plan(
                task("task_1", "Task one", List.of("src/api/**", "./README.md", "docs/", "*.py"))));

    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  @Test
  void a_task_name_too_long_for_a_file_name_is_a_message_even_with_quiet() throws Exception {
    CliRun.Result result = runPlan(plan(task("task_1", "n".repeat(276), List.of())));

    assertRefused(result, "task_1 has a name of 276 characters");
  }

  @Test
  void an_executor_budget_out_of_range_names_the_range() throws Exception {
    Path plan = validPlan();
    Files.writeString(
        plan,
        Files.readString(plan)
            .replace("\"executor_budget\" : 2", "\"executor_budget\" : 1000000000000"));

    CliRun.Result result = runPlan(plan);

    assertRefused(result, "executor_budget", "1 to 256");
    assertThat(result.err()).doesNotContain("whole number");
  }

  @Test
  void a_truncated_plan_says_so_without_the_parsers_internals() throws Exception {
    String json = Files.readString(validPlan());
    for (int cut : new int[] {1, 20, json.indexOf("\"tasks\"") + 12, json.length() - 2}) {
      Path plan = Files.writeString(temp.resolve("cut.json"), json.substring(0, cut));

      CliRun.Result result = runPlan(plan);

      assertRefused(result, "ends before the JSON is complete");
      assertThat(result.err()).doesNotContain("Source:", "REDACTED", "StreamReadFeature", "marker");
    }
  }

  @Test
  void a_plan_with_a_utf8_byte_order_mark_is_read() throws Exception {
    Path plan = validPlan();
    byte[] text = Files.readAllBytes(plan);
    byte[] marked = new byte[text.length + 3];
    marked[0] = (byte) 0xEF;
    marked[1] = (byte) 0xBB;
    marked[2] = (byte) 0xBF;
    System.arraycopy(text, 0, marked, 3, text.length);
    Files.write(plan, marked);

    CliRun.Result result = runPlan(plan);

    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  @Test
  void bidirectional_controls_in_plan_text_are_printed_escaped() throws Exception {
    Path plan = plan(task("task_1", "abc\u202Edef\u2066", List.of()));

    CliRun.Result result =
        run(
            args(
                "run",
                "--plan",
                plan,
                "-o",
                temp.resolve("out"),
                "--simulate-delay",
                "0ms",
                "--no-verify"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out() + result.err())
        .contains("abc\\u202Edef\\u2066")
        .doesNotContain("\u202E", "\u2066");
    assertThat(new String(Files.readAllBytes(plan), StandardCharsets.UTF_8)).contains("\u202E");
  }

  @Test
  void an_earlier_src_that_cannot_be_changed_is_a_message_not_a_stack_trace() throws Exception {
    Path out = temp.resolve("out");
    assertThat(runPlan(validPlan()).exitCode()).isZero();
    // Root writes through permissions; an immutable directory stops it too (ext4, chattr).
    Process lock = new ProcessBuilder("chattr", "+i", out.resolve("src").toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(lock.waitFor() == 0, "chattr +i works here");
    try {
      CliRun.Result result =
          run(
              args(
                  "run",
                  "--plan",
                  validPlan(),
                  "-o",
                  out,
                  "--simulate-delay",
                  "0ms",
                  "--no-verify",
                  "-q",
                  "--force"));

      assertThat(result.exitCode()).as(result.err()).isEqualTo(Cli.TASKS_FAILED);
      assertThat(result.err())
          .startsWith("error: cannot remove")
          .contains("Operation not permitted", "check that")
          .doesNotContain("Exception", "\tat ");
    } finally {
      new ProcessBuilder("chattr", "-i", out.resolve("src").toString()).start().waitFor();
    }
  }
}
