package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

  /**
   * Four tasks: task_1 (1hr) before task_3 (30min), task_2 (30min) before task_4 (1hr30min). On two
   * executors task_4 starts at 30min and ends at 2hrs, the critical path; on one, all 3hrs30min.
   */
  private static final String PLAN =
      """
      {
        "requirements": "a plan with a known makespan",
        "executor_budget": 2,
        "tasks": [
          %s, %s, %s, %s
        ],
        "dependencies": {"task_3": ["task_1"], "task_4": ["task_2"]}
      }
      """
          .formatted(
              task("task_1", "1hr"),
              task("task_2", "30min"),
              task("task_3", "30min"),
              task("task_4", "1hr30min"));

  @TempDir Path dir;
  private Path plan;

  private static String task(String id, String duration) {
    return """
        {"id": "%s", "name": "%s", "description": "d", "priority": 2,
         "estimated_effort": "low", "estimated_duration": "%s", "acceptance_criteria": ["ok"]}"""
        .formatted(id, id, duration);
  }

  @BeforeEach
  void writePlan() throws IOException {
    plan = dir.resolve("execution_plan.json");
    Files.writeString(plan, PLAN);
  }

  private static Result simulate(String... args) {
    return CliRun.run(Stream.concat(Stream.of("simulate"), Stream.of(args)).toArray(String[]::new));
  }

  @Test
  void predicts_the_makespan_utilisation_critical_path_and_lower_bound() {
    Result result = simulate("--plan", plan.toString(), "-m", "2");

    assertThat(result.exitCode()).isEqualTo(Cli.OK);
    assertThat(result.out())
        .contains("Executors: 2")
        .contains("Predicted makespan: 2hrs")
        .contains("Executor utilisation: 87.5%")
        .contains("Critical path: task_2 -> task_4 (2hrs)")
        .contains("Lower bound: 2hrs = max(critical path 2hrs, total work / 2 = 1hr45min)");
  }

  @Test
  void writes_the_report_of_the_predicted_schedule_with_output_dir() throws IOException {
    Path reportDir = dir.resolve("forecast");

    assertThat(
            simulate("--plan", plan.toString(), "-m", "2", "-o", reportDir.toString()).exitCode())
        .isEqualTo(Cli.OK);

    String page = Files.readString(reportDir.resolve("report.html"));
    assertThat(page).contains("task_4", "Executor 2").doesNotContain("Executor 3");
  }

  @Test
  void uses_the_plans_executor_budget_when_none_is_given() {
    Result result = simulate("--plan", plan.toString());

    assertThat(result.exitCode()).isEqualTo(Cli.OK);
    assertThat(result.out()).contains("Executors: 2").contains("Predicted makespan: 2hrs");
  }

  @Test
  void sweeps_budgets_and_recommends_the_fewest_executors_near_the_best_makespan() {
    Result result = simulate("--plan", plan.toString(), "--sweep", "1..3");

    assertThat(result.exitCode()).isEqualTo(Cli.OK);
    assertThat(result.out())
        .containsPattern("(?m)^\\s+1\\s+3hrs30min\\s")
        .containsPattern("(?m)^\\s+2\\s+2hrs\\s.*<- recommended")
        .containsPattern("(?m)^\\s+3\\s+2hrs\\s")
        .contains("Recommended budget: 2 executors");
  }

  @Test
  void prints_json_for_scripts() throws IOException {
    Result result = simulate("--plan", plan.toString(), "--sweep", "1..3", "--json");

    assertThat(result.exitCode()).isEqualTo(Cli.OK);
    JsonNode json = new ObjectMapper().readTree(result.out());
    assertThat(json.get("tasks").asInt()).isEqualTo(4);
    assertThat(json.get("critical_path_ms").asLong()).isEqualTo(7_200_000);
    assertThat(json.get("forecasts")).hasSize(3);
    JsonNode two = json.get("forecasts").get(1);
    assertThat(two.get("executors").asInt()).isEqualTo(2);
    assertThat(two.get("makespan_ms").asLong()).isEqualTo(7_200_000);
    assertThat(two.get("lower_bound_ms").asLong()).isEqualTo(7_200_000);
    assertThat(json.get("recommended_executors").asInt()).isEqualTo(2);
  }

  @Test
  void rejects_an_invalid_plan_with_exit_code_2() throws IOException {
    Files.writeString(plan, PLAN.replace("\"task_4\": [\"task_2\"]", "\"task_4\": [\"task_9\"]"));

    Result result = simulate("--plan", plan.toString(), "-m", "2");

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err()).contains("task_9");
  }

  @Test
  void rejects_a_missing_plan_with_exit_code_2() {
    Result result = simulate("--plan", dir.resolve("missing.json").toString());

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err()).contains("does not exist");
  }

  @Test
  void rejects_a_sweep_of_more_than_64_budgets_with_exit_code_2() {
    Result result = simulate("--plan", plan.toString(), "--sweep", "1..65");

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err()).contains("1..64");
  }

  @Test
  void rejects_a_backwards_sweep_with_exit_code_2() {
    Result result = simulate("--plan", plan.toString(), "--sweep", "4..2");

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err()).contains("4..2");
  }
}
