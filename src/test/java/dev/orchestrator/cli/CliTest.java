package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliRun.args;
import static dev.orchestrator.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import dev.orchestrator.cli.CliRun.Result;
import dev.orchestrator.plan.EstimatedDuration;
import dev.orchestrator.plan.PlanForecast;
import dev.orchestrator.plan.PlanJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The command line, black-box: arguments in, exit code, printed text and files out. */
@Timeout(60)
class CliTest {

  static final String TODO = "Build a todo list app with backend API and frontend UI";

  @TempDir Path temp;

  @Nested
  class MainJob {

    @Test
    void plans_runs_and_consolidates_the_todo_example_into_the_full_output_tree() throws Exception {
      Path out = temp.resolve("todo");

      Result result = run(args(TODO, "-m", 3, "-o", out, "--simulate-delay", "20ms"));

      assertThat(result.exitCode()).as(result.err()).isZero();
      for (String entry :
          List.of(
              "execution_plan.json",
              "execution_summary.json",
              "orchestrator.log",
              "README.md",
              "report.html",
              "src",
              "tests",
              "docs/execution_plan.json",
              "docs/execution_summary.json",
              ".orchestrator",
              "executor_1")) {
        assertThat(out.resolve(entry)).exists();
      }
      JsonNode summary = Json.mapper().readTree(out.resolve("execution_summary.json").toFile());
      int tasks = PlanJson.read(out.resolve("execution_plan.json")).tasks().size();
      assertThat(summary.get("completed").asInt()).isEqualTo(tasks).isBetween(4, 8);
      assertThat(summary.get("test_coverage").isNull()).isTrue();
      assertThat(summary.get("total_lines_of_code").asLong()).isPositive();
      assertThat(result.out()).contains("Speed-up over one executor: ");
      assertThat(out.resolve("report.html"))
          .content()
          .contains("Speed-up", "busy time / makespan", "planned 2.00× on 3 executors");
      try (Stream<Path> dirs = Files.list(out)) {
        assertThat(dirs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("executor_")))
            .allMatch(n -> n.matches("executor_[123]"));
      }
    }

    @Test
    void prints_one_plain_line_per_start_and_completion_when_not_on_a_terminal() {
      Result result = run(args(TODO, "-m", 2, "-o", temp.resolve("o"), "--simulate-delay", "0ms"));

      assertThat(result.out())
          .containsPattern("\\[Executor-[12]\\] Starting task_1: .+")
          .containsPattern("\\[Executor-[12]\\] ✓ Completed task_1 \\(\\d+\\.\\ds\\)")
          .doesNotContain("\u001b[");
    }

    @Test
    void writes_a_timestamped_log_of_the_run() throws Exception {
      Path out = temp.resolve("o");
      run(args(TODO, "-o", out, "--simulate-delay", "0ms"));

      List<String> log = Files.readAllLines(out.resolve("orchestrator.log"));
      assertThat(log)
          .isNotEmpty()
          .allMatch(l -> l.matches("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*"));
      assertThat(String.join("\n", log))
          .contains("run started", "completed task_1", "run finished");
    }

    @Test
    void prints_the_summary_as_json_with_json() throws Exception {
      Result result = run(args(TODO, "-o", temp.resolve("o"), "--simulate-delay", "0ms", "--json"));

      assertThat(result.exitCode()).isZero();
      assertThat(Json.mapper().readTree(result.out()).get("total_tasks").asInt()).isPositive();
    }

    @Test
    void refuses_a_non_empty_directory_that_is_not_a_run_and_touches_nothing() throws Exception {
      Path mine = Files.createDirectories(temp.resolve("mine"));
      Files.writeString(mine.resolve("notes.txt"), "keep me");

      Result result = run(args(TODO, "-o", mine, "--simulate-delay", "0ms"));

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err()).contains("not an orchestrator output directory", "--force");
      try (Stream<Path> files = Files.list(mine)) {
        assertThat(files).containsExactly(mine.resolve("notes.txt"));
      }
    }

    @Test
    void writes_into_such_a_directory_with_force_keeping_the_users_files() throws Exception {
      Path mine = Files.createDirectories(temp.resolve("mine"));
      Files.writeString(mine.resolve("notes.txt"), "keep me");

      Result result = run(args(TODO, "-o", mine, "--simulate-delay", "0ms", "--force"));

      assertThat(result.exitCode()).isZero();
      assertThat(mine.resolve("notes.txt")).hasContent("keep me");
      assertThat(mine.resolve("execution_summary.json")).exists();
    }

    @Test
    void never_replaces_a_finished_run_without_force() throws Exception {
      Path out = temp.resolve("o");
      assertThat(run(args(TODO, "-o", out, "--simulate-delay", "0ms")).exitCode()).isZero();
      byte[] summary = Files.readAllBytes(out.resolve("execution_summary.json"));

      Result again = run(args(TODO, "-o", out, "--simulate-delay", "0ms"));

      assertThat(again.exitCode()).isEqualTo(2);
      assertThat(again.err()).contains(out + " holds a finished run", "--force");
      assertThat(out.resolve("execution_summary.json")).hasBinaryContent(summary);
      assertThat(run(args(TODO, "-o", out, "--simulate-delay", "0ms", "--force")).exitCode())
          .isZero();
    }

    @Test
    void never_replaces_a_run_that_cost_money_without_force() throws Exception {
      Path out = temp.resolve("o");
      assertThat(run(args("plan", TODO, "-o", out)).exitCode()).isZero();
      // An interrupted session's journal: one paid attempt ended, the run did not finish.
      Files.writeString(
          out.resolve(".orchestrator/journal.jsonl"),
          "{\"type\":\"attempt_ended\",\"at\":\"2026-12-07T10:00:00Z\",\"task\":\"task_1\","
              + "\"cost_usd\":0.07}\n",
          StandardOpenOption.APPEND);

      Result again = run(args(TODO, "-o", out, "--simulate-delay", "0ms"));

      assertThat(again.exitCode()).isEqualTo(2);
      assertThat(again.err())
          .contains("holds work that cost $0.07", "orchestrator resume " + out, "--force");
      assertThat(out.resolve("execution_summary.json")).doesNotExist();
    }

    @Test
    void reuses_a_directory_holding_only_a_plan_it_wrote() {
      Path out = temp.resolve("o");
      assertThat(run(args("plan", TODO, "-o", out)).exitCode()).isZero();

      assertThat(run(args(TODO, "-o", out, "--simulate-delay", "0ms")).exitCode()).isZero();
    }

    @Test
    void a_second_plan_does_not_overwrite_a_hand_edited_plan() throws Exception {
      Path out = temp.resolve("o");
      assertThat(run(args("plan", TODO, "-o", out)).exitCode()).isZero();
      Path planFile = out.resolve("execution_plan.json");
      String edited =
          Files.readString(planFile)
              .replaceFirst("\"name\" : \"[^\"]*\"", "\"name\" : \"Hand-edited first task\"");
      Files.writeString(planFile, edited);

      Result again = run(args("plan", TODO, "-o", out));

      assertThat(again.exitCode()).isEqualTo(2);
      assertThat(again.err())
          .contains("execution_plan.json edited after it was written", "--force");
      assertThat(planFile).hasContent(edited);
    }

    @Test
    void runs_a_hand_edited_plan_in_its_own_directory() throws Exception {
      Path out = temp.resolve("o");
      assertThat(run(args("plan", TODO, "-o", out)).exitCode()).isZero();
      Path planFile = out.resolve("execution_plan.json");
      Files.writeString(
          planFile,
          Files.readString(planFile)
              .replaceFirst("\"name\" : \"[^\"]*\"", "\"name\" : \"Hand-edited first task\""));

      Result result = run(args("run", "--plan", planFile, "-o", out, "--simulate-delay", "0ms"));

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(planFile).content().contains("Hand-edited first task");
    }
  }

  @Nested
  class PlanThenRun {

    @Test
    void runs_a_hand_edited_plan() throws Exception {
      Path planDir = temp.resolve("plan");
      Result planned =
          run(
              args(
                  "plan",
                  "Build e-commerce platform with product catalog, cart, and checkout",
                  "-o",
                  planDir));
      assertThat(planned.exitCode()).as(planned.err()).isZero();
      assertThat(planned.out()).contains("task_1", "Plan written to");
      Path planFile = planDir.resolve("execution_plan.json");
      String edited =
          Files.readString(planFile)
              .replaceFirst("\"name\" : \"[^\"]*\"", "\"name\" : \"Hand-edited first task\"");
      Files.writeString(planFile, edited);

      Path out = temp.resolve("run");
      Result result =
          run(args("run", "--plan", planFile, "-o", out, "-m", 4, "--simulate-delay", "0ms"));

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.out()).contains("Hand-edited first task");
      assertThat(out.resolve("README.md")).content().contains("Hand-edited first task");
      assertThat(PlanJson.read(out.resolve("execution_plan.json")).executorBudget()).isEqualTo(4);
    }

    @Test
    void predicts_the_speed_up_before_the_run_with_simulates_own_figures() throws Exception {
      Path planDir = temp.resolve("forecast");

      Result planned = run(args("plan", TODO, "-m", 3, "-o", planDir));

      assertThat(planned.exitCode()).as(planned.err()).isZero();
      Path planFile = planDir.resolve("execution_plan.json");
      PlanForecast forecast = PlanJson.read(planFile).forecast();
      assertThat(forecast.executors()).isEqualTo(3);
      Result simulated = run(args("simulate", "--plan", planFile, "-m", 3, "--json"));
      JsonNode prediction = Json.mapper().readTree(simulated.out());
      long makespan = prediction.get("forecasts").get(0).get("makespan_ms").asLong();
      assertThat(forecast.makespan().toMillis()).isEqualTo(makespan);
      assertThat(forecast.speedup())
          .isCloseTo(prediction.get("total_work_ms").asLong() / (double) makespan, within(0.005));
      int tasks = PlanJson.read(planFile).tasks().size();
      Result sweep = run(args("simulate", "--plan", planFile, "--sweep", "1.." + tasks, "--json"));
      assertThat(forecast.recommendedExecutors())
          .isEqualTo(Json.mapper().readTree(sweep.out()).get("recommended_executors").asInt());
      assertThat(planned.out())
          .contains(
              "Predicted makespan: "
                  + EstimatedDuration.format(forecast.makespan())
                  + " on 3 executors",
              String.format(
                  java.util.Locale.ROOT, "Speed-up over one executor: %.2fx", forecast.speedup()),
              "Recommended budget: " + forecast.recommendedExecutors() + " executor");
      assertThat(forecast.speedup()).isGreaterThanOrEqualTo(1.8);
    }

    @Test
    void prints_the_plan_as_json_with_json() throws Exception {
      Result result = run(args("plan", TODO, "-o", temp.resolve("p"), "--json"));

      assertThat(PlanJson.parse(result.out(), "stdout").tasks()).isNotEmpty();
    }
  }

  @Nested
  class BadInput {

    @Test
    void a_cyclic_plan_exits_2_naming_the_cycle() throws Exception {
      Path plan = temp.resolve("cyclic.json");
      Files.writeString(
          plan,
          "{\"requirements\":\"x\",\"tasks\":["
              + task("task_2")
              + ","
              + task("task_5")
              + "],\"dependencies\":{\"task_2\":[\"task_5\"],\"task_5\":[\"task_2\"]}}");

      Result result = run(args("run", "--plan", plan, "-o", temp.resolve("o")));

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err()).contains("task_2 -> task_5 -> task_2").doesNotContain("Exception");
      assertThat(temp.resolve("o")).doesNotExist();
    }

    @Test
    void a_missing_plan_file_exits_2() {
      Result result = run(args("run", "--plan", temp.resolve("nope.json")));

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err()).contains("does not exist");
    }

    @Test
    void an_unknown_option_exits_2() {
      Result result = run("--frobnicate", TODO);

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err()).contains("--frobnicate");
    }

    @Test
    void a_missing_requirement_exits_2_with_an_example() {
      Result result = run();

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err()).contains("no requirement given");
    }

    @Test
    void a_budget_below_one_exits_2() {
      Result result = run(args(TODO, "-m", 0, "-o", temp.resolve("o")));

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err()).contains("--max-executors must be at least 1");
    }

    @Test
    void real_without_a_provider_exits_2_saying_what_is_missing() {
      // No key and no claude on PATH, whatever this machine has: --real must not reach a real
      // model.
      Result result = run(Map.of("PATH", temp.toString()), TODO, "--real", "-o", temp.resolve("o"));

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err()).contains("--real needs", "without --real");
    }

    private String task(String id) {
      return "{\"id\":\""
          + id
          + "\",\"name\":\"n\",\"description\":\"d\",\"priority\":1,"
          + "\"estimated_effort\":\"low\",\"estimated_duration\":\"30min\",\"acceptance_criteria\":[]}";
    }
  }

  @Nested
  class HelpAndDemo {

    @Test
    void help_lists_the_commands_and_exit_codes() {
      Result result = run("--help");

      assertThat(result.exitCode()).isZero();
      assertThat(result.out()).contains("plan", "run", "demo", "--max-executors", "Exit codes");
    }

    @Test
    void version_prints_a_version() {
      assertThat(run("--version").out()).startsWith("orchestrator ");
    }

    @Test
    void demo_lists_its_scenarios() {
      Result result = run("demo", "--list");

      assertThat(result.out())
          .contains("calculator", "todo", "ecommerce", "etl", "ml", "game", "microservices");
    }

    @Test
    void demo_runs_a_scenario_offline() {
      Result result =
          run(args("demo", "calculator", "-o", temp.resolve("d"), "--simulate-delay", "0ms"));

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(temp.resolve("d/execution_summary.json")).exists();
    }

    @Test
    void an_unknown_scenario_exits_2_listing_the_known_ones() {
      Result result = run("demo", "chess");

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err()).contains("unknown scenario", "todo");
    }
  }
}
