package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliRun.args;
import static dev.orchestrator.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.DirectorySnapshot;
import dev.orchestrator.Json;
import dev.orchestrator.plan.Complexity;
import dev.orchestrator.plan.Effort;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The attacks of issue 12, black-box through the command line: each one is refused or contained,
 * and a directory beside the output directory is the same before and after.
 */
@Timeout(60)
class HostileInputTest {

  @TempDir Path temp;
  Path victim;
  Path out;
  DirectorySnapshot before;

  @BeforeEach
  void aDirectoryBesideTheOutput() throws Exception {
    victim = temp.resolve("victim");
    Files.createDirectories(victim.resolve("nested"));
    Files.writeString(victim.resolve("keep.txt"), "the user's file\n");
    Files.writeString(victim.resolve("nested/also.txt"), "another\n");
    out = temp.resolve("out");
    before = DirectorySnapshot.of(victim);
  }

  private void assertVictimUntouched() {
    assertThat(DirectorySnapshot.of(victim)).isEqualTo(before);
  }

  static Task task(String id) {
    return new Task(
        id,
        "Task " + id.length(),
        "does it",
        2,
        Effort.LOW,
        Duration.ofMinutes(30),
        List.of("works"),
        List.of());
  }

  static Plan planOf(List<Task> tasks, Map<String, List<String>> dependencies) {
    return new Plan(
        "hostile",
        new Complexity(30, "", List.of(), List.of()),
        2,
        Plan.TASK_QUEUE,
        tasks,
        dependencies,
        "",
        "",
        null);
  }

  private Path planFile(Plan plan) throws Exception {
    Path file = temp.resolve("plan.json");
    Files.writeString(file, PlanJson.write(plan));
    return file;
  }

  @Nested
  class TaskIdsAreTokensNeverPaths {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "../victim",
          "../../victim",
          ".",
          "..",
          "...",
          "a/b",
          "executor_1/../../victim",
          "nul\u0000byte",
          "new\nline",
          "esc\u001b[2J"
        })
    void a_plan_whose_id_is_a_path_is_refused_and_nothing_is_touched(String id) throws Exception {
      Path plan = planFile(planOf(List.of(task("task_1"), task(id)), Map.of()));

      CliRun.Result result = run(args("run", "--plan", plan, "-o", out, "--simulate-delay", "0ms"));

      assertThat(result.exitCode()).as(result.err()).isEqualTo(Cli.USAGE);
      assertThat(result.err()).contains("is not a token").doesNotContain("\u001b");
      assertThat(out).doesNotExist();
      assertVictimUntouched();
    }

    @Test
    void an_absolute_id_and_one_over_the_length_limit_are_refused() throws Exception {
      for (String id : List.of(victim.toString(), "x".repeat(300))) {
        Path plan = planFile(planOf(List.of(task(id)), Map.of()));

        CliRun.Result result =
            run(args("run", "--plan", plan, "-o", out, "--simulate-delay", "0ms"));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(Cli.USAGE);
        assertThat(result.err()).contains("is not a token");
      }
      assertVictimUntouched();
    }

    @Test
    void dotted_ids_that_are_tokens_still_run_inside_the_output_directory() throws Exception {
      Path plan = planFile(planOf(List.of(task("v1.2-api_x"), task(".hidden")), Map.of()));

      CliRun.Result result =
          run(args("run", "--plan", plan, "-o", out, "--simulate-delay", "0ms", "--no-verify"));

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(out.resolve(".orchestrator")).isDirectory();
      assertVictimUntouched();
    }
  }

  @Nested
  class TheJournalIsNotTrusted {

    @ParameterizedTest
    @ValueSource(strings = {"../victim", "ABSOLUTE", "executor_1/../../victim", "executor_1"})
    void a_record_pointing_outside_the_run_makes_resume_refuse(String rawDirectory)
        throws Exception {
      Path plan = planFile(planOf(List.of(task("task_1"), task("task_2")), Map.of()));
      CliRun.Result first =
          run(args("run", "--plan", plan, "-o", out, "--simulate-delay", "0ms", "--no-verify"));
      assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
      rewriteCompletion(
          "task_1",
          record ->
              record.put(
                  "raw_directory",
                  rawDirectory.equals("ABSOLUTE") ? victim.toString() : rawDirectory));

      CliRun.Result result = run(args("resume", out, "--simulate-delay", "0ms"));

      assertThat(result.exitCode()).as(result.err()).isEqualTo(Cli.USAGE);
      assertThat(result.err()).contains("journal").contains("altered");
      assertVictimUntouched();
    }

    @Test
    void a_file_path_leaving_the_raw_directory_makes_resume_refuse() throws Exception {
      Path plan = planFile(planOf(List.of(task("task_1"), task("task_2")), Map.of()));
      CliRun.Result first =
          run(args("run", "--plan", plan, "-o", out, "--simulate-delay", "0ms", "--no-verify"));
      assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
      rewriteCompletion(
          "task_1",
          record -> ((ObjectNode) record.get("files")).put("../../../victim/keep.txt", "00"));

      CliRun.Result result = run(args("resume", out, "--simulate-delay", "0ms"));

      assertThat(result.exitCode()).as(result.err()).isEqualTo(Cli.USAGE);
      assertThat(result.err()).contains("outside");
      assertVictimUntouched();
    }

    private void rewriteCompletion(String taskId, java.util.function.Consumer<ObjectNode> edit)
        throws Exception {
      Path journal = out.resolve(".orchestrator/journal.jsonl");
      List<String> lines = new ArrayList<>();
      for (String line : Files.readAllLines(journal)) {
        ObjectNode record = (ObjectNode) Json.mapper().readTree(line);
        if (record.path("type").asText().equals("task_completed")
            && record.path("task").asText().equals(taskId)) {
          edit.accept(record);
          line = record.toString();
        }
        lines.add(line.replace("\n", ""));
      }
      Files.write(journal, lines);
    }
  }

  static final String KEY = "sk-ant-api03-TESTKEY-0123456789abcdef";

  private Map<String, String> environmentWithKeys() throws Exception {
    Files.createDirectories(temp.resolve("bin"));
    return Map.of(
        "PATH",
        temp.resolve("bin") + ":/usr/bin:/bin",
        "HOME",
        temp.toString(),
        "ANTHROPIC_API_KEY",
        KEY,
        "GITHUB_TOKEN",
        "ghp_TESTTOKEN_abcdefghijkl");
  }

  private Path agent(String body) throws Exception {
    Path file = temp.resolve("bin").resolve("my-agent");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\nhere=\"" + temp + "\"\n" + body);
    file.toFile().setExecutable(true);
    return file;
  }

  private static List<String> filesContaining(Path root, String text) throws Exception {
    try (var walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              file -> {
                try {
                  return new String(
                          Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                      .contains(text);
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .map(Path::toString)
          .toList();
    }
  }

  @Nested
  class KeysNeverLeak {

    @Test
    void a_key_an_agent_prints_and_writes_reaches_no_output_and_no_console() throws Exception {
      agent(
          """
          echo "my key is $ANTHROPIC_API_KEY"
          echo "stderr has $ANTHROPIC_API_KEY" >&2
          mkdir -p src
          echo "KEY = '$ANTHROPIC_API_KEY'" > src/$1.py
          printf '# %s\\nkey %s\\n' "$1" "$ANTHROPIC_API_KEY" > README.md
          if [ "$1" = task_2 ]; then echo "failing with $ANTHROPIC_API_KEY" >&2; exit 3; fi
          """);
      Path plan = planFile(planOf(List.of(task("task_1"), task("task_2")), Map.of()));

      CliRun.Result result =
          run(
              environmentWithKeys(),
              "run",
              "--plan",
              plan,
              "-o",
              out,
              "--executor",
              "command",
              "--agent-command",
              "my-agent {task_id}",
              "--agent-env",
              "ANTHROPIC_API_KEY");

      assertThat(result.exitCode()).as(result.err()).isEqualTo(Cli.TASKS_FAILED);
      assertThat(result.out() + result.err()).doesNotContain(KEY).contains("[secret]");
      assertThat(filesContaining(out, KEY)).isEmpty();
      assertThat(filesContaining(out, "[secret]"))
          .anyMatch(f -> f.endsWith("stdout.log"))
          .anyMatch(f -> f.endsWith("execution_summary.json"))
          .anyMatch(f -> f.endsWith("journal.jsonl"))
          .anyMatch(f -> f.endsWith("report.html"));
      assertVictimUntouched();
    }

    @Test
    void command_agents_get_no_secret_variables_unless_passed_with_agent_env() throws Exception {
      agent(
          """
          echo "${ANTHROPIC_API_KEY:-absent} ${GITHUB_TOKEN:-absent} $PATH" > "$here/seen-$1.txt"
          mkdir -p src && echo x > src/$1.py
          """);
      Path plan = planFile(planOf(List.of(task("task_1")), Map.of()));

      CliRun.Result result =
          run(
              environmentWithKeys(),
              "run",
              "--plan",
              plan,
              "-o",
              out,
              "--executor",
              "command",
              "--agent-command",
              "my-agent {task_id}",
              "--sandbox-writable", // where the agent reports what it saw
              temp,
              "--no-verify");

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(Files.readString(temp.resolve("seen-task_1.txt")))
          .startsWith("absent absent " + temp.resolve("bin"));
    }
  }

  @Nested
  class ResourcesAreCapped {

    @Test
    void a_sparse_file_of_gigabytes_fails_the_task_and_never_reaches_the_project()
        throws Exception {
      agent(
          """
          mkdir -p src
          dd if=/dev/zero of=src/big.bin bs=1 count=0 seek=2G 2>/dev/null
          echo ok > src/$1.py
          """);
      Path plan = planFile(planOf(List.of(task("task_1")), Map.of()));

      CliRun.Result result =
          run(
              environmentWithKeys(),
              "run",
              "--plan",
              plan,
              "-o",
              out,
              "--executor",
              "command",
              "--agent-command",
              "my-agent {task_id}");

      assertThat(result.exitCode()).as(result.err()).isEqualTo(Cli.TASKS_FAILED);
      assertThat(Files.readString(out.resolve("execution_summary.json")))
          .contains("over the limit of 1048576 bytes per file");
      try (var walk = Files.walk(out)) {
        assertThat(walk.filter(p -> p.getFileName().toString().equals("big.bin"))).isEmpty();
      }
    }

    @Test
    void an_executor_budget_of_two_billion_is_refused_with_the_cap() throws Exception {
      Path plan = planFile(planOf(List.of(task("task_1")), Map.of()));

      CliRun.Result flag = run(args("run", "--plan", plan, "-o", out, "-m", Integer.MAX_VALUE));
      String json =
          Files.readString(plan)
              .replace("\"executor_budget\" : 2", "\"executor_budget\" : 2147483647");
      Files.writeString(plan, json);
      CliRun.Result inPlan = run(args("run", "--plan", plan, "-o", out));

      assertThat(flag.exitCode()).isEqualTo(Cli.USAGE);
      assertThat(flag.err()).contains("at most 256");
      assertThat(inPlan.exitCode()).isEqualTo(Cli.USAGE);
      assertThat(inPlan.err()).contains("use at most 256 executors");
    }
  }

  private Path planText(String text) throws Exception {
    Path file = temp.resolve("plan.json");
    Files.writeString(file, text);
    return file;
  }

  private String validPlanJson() {
    return PlanJson.write(planOf(List.of(task("task_1")), Map.of()));
  }

  @Nested
  class BadInputIsAMessageAndExit2 {

    @Test
    void a_plan_of_one_huge_string_or_deep_nesting_is_refused_without_a_stack_trace()
        throws Exception {
      for (String text :
          List.of(
              "\"" + "a".repeat(20 << 20) + "\"",
              "[".repeat(100_000) + "]".repeat(100_000),
              "{\"requirements\": " + "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_001))) {
        CliRun.Result result = run(args("run", "--plan", planText(text), "-o", out));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(Cli.USAGE);
        assertThat(result.err()).contains("not valid JSON").doesNotContain("Exception");
      }
    }

    @Test
    void an_output_directory_at_a_dangling_link_or_under_a_file_is_refused() throws Exception {
      Path plan = planText(validPlanJson());
      Path dangling = Files.createSymbolicLink(temp.resolve("dangling"), temp.resolve("nowhere"));
      Path file = Files.writeString(temp.resolve("a-file"), "x");

      CliRun.Result atLink = run(args("run", "--plan", plan, "-o", dangling));
      CliRun.Result underFile = run(args("run", "--plan", plan, "-o", file.resolve("sub")));
      CliRun.Result simulateAtFile = run(args("simulate", "--plan", plan, "-o", file));

      assertThat(atLink.exitCode()).as(atLink.err()).isEqualTo(Cli.USAGE);
      assertThat(atLink.err()).contains("symbolic link");
      assertThat(temp.resolve("nowhere")).doesNotExist();
      assertThat(underFile.exitCode()).as(underFile.err()).isEqualTo(Cli.USAGE);
      assertThat(underFile.err()).contains("cannot use").doesNotContain("Exception:\n");
      assertThat(simulateAtFile.exitCode()).as(simulateAtFile.err()).isEqualTo(Cli.USAGE);
      assertThat(simulateAtFile.err()).contains("is a file");
      assertThat(Files.readString(file)).isEqualTo("x");
      assertVictimUntouched();
    }

    @Test
    void a_read_only_output_directory_is_refused() throws Exception {
      org.junit.jupiter.api.Assumptions.assumeFalse(
          "root".equals(System.getProperty("user.name")), "root may write anywhere");
      Path readOnly = Files.createDirectories(temp.resolve("read-only"));
      readOnly.toFile().setWritable(false);

      CliRun.Result result =
          run(args("run", "--plan", planText(validPlanJson()), "-o", readOnly.resolve("out")));

      readOnly.toFile().setWritable(true);
      assertThat(result.exitCode()).as(result.err()).isEqualTo(Cli.USAGE);
      assertThat(result.err()).contains("cannot use");
    }
  }

  @Nested
  class SmallerHoles {

    @Test
    void an_estimated_duration_of_ten_to_the_seventeen_hours_is_refused() throws Exception {
      String text =
          validPlanJson()
              .replaceFirst(
                  "\"estimated_duration\" : \"[^\"]*\"",
                  "\"estimated_duration\" : \"100000000000000000hrs\"");

      CliRun.Result result = run(args("run", "--plan", planText(text), "-o", out));

      assertThat(result.exitCode()).as(result.err()).isEqualTo(Cli.USAGE);
      assertThat(result.err()).contains("over a year");
    }

    @Test
    void trailing_garbage_and_duplicate_keys_are_refused() throws Exception {
      String text = validPlanJson();
      CliRun.Result trailing = run(args("run", "--plan", planText(text + " garbage"), "-o", out));
      CliRun.Result duplicate =
          run(
              args(
                  "run",
                  "--plan",
                  planText(text.replaceFirst("\\{", "{\"notes\": \"x\", ")),
                  "-o",
                  out));

      assertThat(trailing.exitCode()).isEqualTo(Cli.USAGE);
      assertThat(duplicate.exitCode()).isEqualTo(Cli.USAGE);
      assertThat(duplicate.err()).contains("Duplicate field 'notes'");
    }

    @Test
    void control_characters_and_line_breaks_in_names_are_refused_and_never_printed_raw()
        throws Exception {
      Task bad =
          new Task(
              "task_1",
              "evil\u001b[2J\nname",
              "d",
              2,
              Effort.LOW,
              Duration.ofMinutes(5),
              List.of(),
              List.of());
      Path plan = planFile(planOf(List.of(bad), Map.of()));

      CliRun.Result result = run(args("run", "--plan", plan, "-o", out));

      assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
      assertThat(result.err()).contains("control character").contains("\\u001B");
      assertThat(result.out() + result.err()).doesNotContain("\u001b");
    }

    @Test
    void simulate_never_overwrites_a_report_in_a_directory_that_is_not_a_run() throws Exception {
      Path dir = Files.createDirectories(temp.resolve("mine"));
      Files.writeString(dir.resolve("report.html"), "my own report");
      Files.writeString(dir.resolve("notes.txt"), "mine");

      CliRun.Result result = run(args("simulate", "--plan", planText(validPlanJson()), "-o", dir));

      assertThat(result.exitCode()).as(result.err()).isEqualTo(Cli.USAGE);
      assertThat(Files.readString(dir.resolve("report.html"))).isEqualTo("my own report");
    }
  }
}
