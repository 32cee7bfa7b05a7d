package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliTest.TODO;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import dev.orchestrator.cli.CliRun.Result;
import dev.orchestrator.output.SummaryJson;
import dev.orchestrator.plan.PlanJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a run prints, on a terminal and off it, and what it says about itself. */
@Timeout(60)
class ConsoleTest {

  static final String COLOUR = "\u001b\\[[0-9;]*3[0-7]m"; // a foreground colour
  static final String CURSOR_UP = "A\u001b[J";

  @TempDir Path temp;

  Result run(boolean terminal, Map<String, String> environment, Object... parts) {
    Map<String, String> env = new HashMap<>(environment);
    env.putIfAbsent("HOME", temp.resolve("home").toString());
    return terminal ? CliRun.onTerminal(env, parts) : CliRun.run(env, parts);
  }

  Object[] todo(Object... more) {
    Object[] base = {TODO, "-m", 2, "-o", temp.resolve("o"), "--simulate-delay", "0ms"};
    Object[] all = new Object[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Nested
  class Colours {

    @Test
    void a_terminal_gets_colours_and_a_live_display() {
      Result result = run(true, Map.of("TERM", "xterm-256color"), todo());

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.out()).containsPattern(COLOUR).contains(CURSOR_UP);
    }

    @Test
    void no_color_turns_colours_off_but_keeps_the_live_display() {
      Result result = run(true, Map.of("TERM", "xterm", "NO_COLOR", "1"), todo());

      assertThat(result.out()).contains(CURSOR_UP).doesNotContainPattern(COLOUR);
    }

    @Test
    void a_dumb_terminal_gets_no_escape_codes_at_all() {
      Result result = run(true, Map.of("TERM", "dumb"), todo());

      assertThat(result.out()).contains("✓ Completed").doesNotContain("\u001b");
    }

    @Test
    void a_pipe_gets_no_escape_codes_at_all() {
      Result result = run(false, Map.of("TERM", "xterm"), todo());

      assertThat(result.out()).contains("✓ Completed").doesNotContain("\u001b");
    }
  }

  @Nested
  class Verbosity {

    @Test
    void quiet_prints_only_the_outcome() {
      Result result = run(false, Map.of(), todo("--quiet"));

      assertThat(result.exitCode()).isZero();
      assertThat(result.out())
          .doesNotContain("Requirement:", "[Executor-", "Running ")
          .containsPattern("\\d+/\\d+ tasks completed");
    }

    @Test
    void quiet_works_after_a_subcommand_too() {
      Result result =
          run(
              false,
              Map.of(),
              "plan",
              TODO,
              "-o",
              temp.resolve("p"),
              "-q",
              "--planner",
              "heuristic");

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.out()).doesNotContain("Requirement:").contains("Plan written to");
    }
  }

  @Nested
  class Words {

    @Test
    void counts_read_in_the_singular_for_one() {
      Result result =
          run(
              false,
              Map.of(),
              "demo",
              "calculator",
              "-m",
              1,
              "-o",
              temp.resolve("d"),
              "--simulate-delay",
              "0ms");

      assertThat(result.out()).contains("on 1 executor\n").doesNotContain("1 executors");
    }

    @Test
    void the_strategy_is_wrapped_to_the_terminal_width() {
      Result result = run(false, Map.of("COLUMNS", "60"), todo());

      String strategy = result.out().substring(result.out().indexOf("Strategy:"));
      strategy = strategy.substring(0, strategy.indexOf("\n\n"));
      assertThat(strategy.lines()).hasSizeGreaterThan(1).allMatch(line -> line.length() < 60);
      assertThat(strategy.replaceAll("\\s+", " ")).contains("The critical path task_1 -> task_2");
    }

    @Test
    void the_verification_verdict_wraps_to_the_terminal_too() {
      Result result = run(false, Map.of("COLUMNS", "60"), todo());

      String verdict = result.out().substring(result.out().indexOf("Verification:"));
      verdict = verdict.substring(0, verdict.indexOf("Output:"));
      assertThat(verdict.lines()).hasSizeGreaterThan(1).allMatch(line -> line.length() < 60);
      assertThat(verdict.replaceAll("\\s+", " ")).startsWith("Verification: not_run (");
    }

    @Test
    void a_plan_run_with_another_budget_says_the_budget_of_this_run() throws Exception {
      Path plan = temp.resolve("p");
      run(false, Map.of(), "plan", TODO, "-m", 5, "-o", plan);

      Result result =
          run(
              false,
              Map.of(),
              "run",
              "--plan",
              plan.resolve("execution_plan.json"),
              "-m",
              4,
              "-o",
              temp.resolve("o"),
              "--simulate-delay",
              "0ms");

      assertThat(result.out()).contains("(This run has 4 executors.)");
    }
  }

  @Nested
  class HonestLabels {

    @Test
    void an_offline_run_says_it_is_a_simulation_in_its_last_lines_readme_and_report()
        throws Exception {
      Result result = run(false, Map.of(), todo());

      String end = result.out().substring(result.out().lastIndexOf("Output:"));
      assertThat(end.lines().skip(2).findFirst().orElseThrow())
          .startsWith("This was a simulation:");
      assertThat(end).contains("--real");
      Path out = temp.resolve("o");
      assertThat(Files.readString(out.resolve("README.md")))
          .contains("**This is a simulation.**", "- Planner: heuristic", "- Executor: simulated");
      assertThat(Files.readString(out.resolve("report.html")))
          .contains("<h1>Run report: a simulation</h1>");
    }

    @Test
    void the_summary_names_planner_and_executor_and_its_schema_version() throws Exception {
      run(false, Map.of(), todo());

      JsonNode summary =
          Json.mapper().readTree(temp.resolve("o").resolve(SummaryJson.FILE_NAME).toFile());
      assertThat(summary.get("schema_version").asInt()).isEqualTo(SummaryJson.SCHEMA_VERSION);
      assertThat(summary.at("/planner/kind").asText()).isEqualTo("heuristic");
      assertThat(summary.at("/planner/model").isNull()).isTrue();
      assertThat(summary.at("/executor/kind").asText()).isEqualTo("simulated");
    }

    @Test
    void a_run_of_a_plan_file_does_not_claim_to_know_what_made_the_plan() throws Exception {
      run(false, Map.of(), "plan", TODO, "-o", temp.resolve("p"));

      Result result =
          run(
              false,
              Map.of(),
              "run",
              "--plan",
              temp.resolve("p").resolve(PlanJson.FILE_NAME),
              "-o",
              temp.resolve("o"),
              "--simulate-delay",
              "0ms");

      assertThat(result.exitCode()).as(result.err()).isZero();
      JsonNode summary =
          Json.mapper().readTree(temp.resolve("o").resolve(SummaryJson.FILE_NAME).toFile());
      assertThat(summary.get("planner").isNull()).isTrue();
      assertThat(Files.readString(temp.resolve("o").resolve("README.md")))
          .contains("- Planner: not recorded (the plan was read from a file)");
    }

    @Test
    void a_resumed_run_names_the_planner_of_the_run_it_resumes() throws Exception {
      run(false, Map.of(), todo());

      Result result = run(false, Map.of(), "resume", temp.resolve("o"));

      assertThat(result.exitCode()).as(result.err()).isZero();
      JsonNode summary =
          Json.mapper().readTree(temp.resolve("o").resolve(SummaryJson.FILE_NAME).toFile());
      assertThat(summary.at("/planner/kind").asText()).isEqualTo("heuristic");
    }
  }

  @Nested
  class Settings {

    @Test
    void a_bad_value_in_the_environment_names_the_variable() {
      Result result = run(false, Map.of("ORCHESTRATOR_MAX_EXECUTORS", "zero"), todo().clone()[0]);

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err())
          .startsWith("error: ORCHESTRATOR_MAX_EXECUTORS in the environment: ")
          .contains("'zero' is not an int", "fix or unset it");
    }

    @Test
    void a_bad_value_on_the_command_line_does_not_blame_the_environment() {
      Result result = run(false, Map.of("ORCHESTRATOR_MAX_EXECUTORS", "3"), TODO, "-m", "zero");

      assertThat(result.err()).startsWith("error: Invalid value for option '--max-executors'");
    }
  }
}
