package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliTest.args;
import static dev.orchestrator.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.DirectorySnapshot;
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
        "");
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

      CliTest.Result result =
          run(args("run", "--plan", plan, "-o", out, "--simulate-delay", "0ms"));

      assertThat(result.exitCode()).as(result.err()).isEqualTo(Cli.USAGE);
      assertThat(result.err()).contains("is not a token").doesNotContain("\u001b");
      assertThat(out).doesNotExist();
      assertVictimUntouched();
    }

    @Test
    void an_absolute_id_and_one_over_the_length_limit_are_refused() throws Exception {
      for (String id : List.of(victim.toString(), "x".repeat(300))) {
        Path plan = planFile(planOf(List.of(task(id)), Map.of()));

        CliTest.Result result =
            run(args("run", "--plan", plan, "-o", out, "--simulate-delay", "0ms"));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(Cli.USAGE);
        assertThat(result.err()).contains("is not a token");
      }
      assertVictimUntouched();
    }

    @Test
    void dotted_ids_that_are_tokens_still_run_inside_the_output_directory() throws Exception {
      Path plan = planFile(planOf(List.of(task("v1.2-api_x"), task(".hidden")), Map.of()));

      CliTest.Result result =
          run(args("run", "--plan", plan, "-o", out, "--simulate-delay", "0ms"));

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
      assertThat(run(args("run", "--plan", plan, "-o", out, "--simulate-delay", "0ms")).exitCode())
          .isZero();
      rewriteCompletion(
          "task_1",
          record ->
              record.put(
                  "raw_directory",
                  rawDirectory.equals("ABSOLUTE") ? victim.toString() : rawDirectory));

      CliTest.Result result = run(args("resume", out, "--simulate-delay", "0ms"));

      assertThat(result.exitCode()).as(result.err()).isEqualTo(Cli.USAGE);
      assertThat(result.err()).contains("journal").contains("altered");
      assertVictimUntouched();
    }

    @Test
    void a_file_path_leaving_the_raw_directory_makes_resume_refuse() throws Exception {
      Path plan = planFile(planOf(List.of(task("task_1"), task("task_2")), Map.of()));
      assertThat(run(args("run", "--plan", plan, "-o", out, "--simulate-delay", "0ms")).exitCode())
          .isZero();
      rewriteCompletion(
          "task_1",
          record -> ((ObjectNode) record.get("files")).put("../../../victim/keep.txt", "00"));

      CliTest.Result result = run(args("resume", out, "--simulate-delay", "0ms"));

      assertThat(result.exitCode()).as(result.err()).isEqualTo(Cli.USAGE);
      assertThat(result.err()).contains("outside");
      assertVictimUntouched();
    }

    private void rewriteCompletion(String taskId, java.util.function.Consumer<ObjectNode> edit)
        throws Exception {
      Path journal = out.resolve(".orchestrator/journal.jsonl");
      List<String> lines = new ArrayList<>();
      for (String line : Files.readAllLines(journal)) {
        ObjectNode record = (ObjectNode) PlanJson.mapper().readTree(line);
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
}
