package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import dev.orchestrator.agent.FakeClaude;
import dev.orchestrator.cli.CliRun.Result;
import dev.orchestrator.plan.PlanJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claude Code and command-line agents on the real command line, with fake programs found through
 * the environment given to {@link Cli#execute} (the JVM's own PATH is never changed).
 */
@Timeout(120)
class CommandLineAgentsTest {

  static final String TODO = "Build a todo list app with backend API and frontend UI";

  @TempDir Path temp;

  Map<String, String> environment() {
    return Map.of(
        "PATH",
        temp.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin",
        "HOME",
        temp.resolve("home").toString());
  }

  @Test
  void real_with_only_claude_on_path_plans_and_executes_with_claude_code() throws Exception {
    FakeClaude.install(temp.resolve("bin"));
    Path out = temp.resolve("out");

    Result result = run(environment(), TODO, "--real", "-m", 2, "-o", out);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(PlanJson.read(out.resolve("execution_plan.json")).notes())
        .contains("Planned by Claude Code.");
    JsonNode summary = Json.mapper().readTree(out.resolve("execution_summary.json").toFile());
    assertThat(summary.get("completed").asInt()).isEqualTo(4);
    for (JsonNode task : summary.get("tasks")) {
      String id = task.get("id").asText();
      assertThat(task.get("details").get("session_id").asText()).isEqualTo("sess-" + id);
      assertThat(task.get("details").get("num_turns").asText()).isEqualTo("2");
      assertThat(task.get("cost_usd").decimalValue()).isEqualByComparingTo("0.02");
      assertThat(task.get("tokens").get("cache_read").asLong()).isEqualTo(1000);
    }
    assertThat(summary.get("planner").get("cost_usd").decimalValue())
        .as("two planning steps at $0.01")
        .isEqualByComparingTo("0.02");
    assertThat(summary.get("cost_usd").decimalValue())
        .as("four tasks and the planning")
        .isEqualByComparingTo("0.10");
    assertThat(result.out()).contains("Spent: ", ", $0.10 (planning: ", ", $0.02)");
    assertThat(result.out())
        .as("a silent step says what it waits for")
        .startsWith("Planning with claude-code…\nRequirement: ");
    assertThat(summary.get("total_files_created").asInt())
        .as("a source file and a README per task; the agents' prompts and logs do not count")
        .isEqualTo(8);
    assertThat(out.resolve("src/task_3.py")).exists();
    try (Stream<Path> files = Files.walk(out.resolve("src"))) {
      assertThat(files)
          .as("agent logs stay out of the project")
          .noneMatch(p -> p.toString().contains(".agent"));
    }
    assertThat(Files.readString(out.resolve("README.md")))
        .contains("12 files: the prompt and logs of a command-line agent (.agent/)");
    try (Stream<Path> raw = Files.list(out)) {
      Path executor =
          raw.filter(p -> p.getFileName().toString().startsWith("executor_"))
              .findFirst()
              .orElseThrow();
      try (Stream<Path> tasks = Files.list(executor)) {
        assertThat(tasks.findFirst().orElseThrow().resolve(".agent/stdout.log")).exists();
      }
    }
  }

  @Test
  void on_a_terminal_planning_says_what_it_waits_for_and_draws_no_empty_progress_block()
      throws Exception {
    FakeClaude.install(temp.resolve("bin"));
    Map<String, String> environment = new java.util.HashMap<>(environment());
    environment.put("TERM", "xterm");
    environment.put("NO_COLOR", "1"); // the live display without colours: easier to read

    Result result =
        CliRun.onTerminal(
            environment, TODO, "--planner", "claude-code", "-m", 2, "-o", temp.resolve("out"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    String beforeThePlan = result.out().substring(0, result.out().indexOf("Requirement: "));
    assertThat(beforeThePlan).contains("Planning with claude-code…").doesNotContain("0/0 tasks");
  }

  @Test
  void plan_says_it_is_planning_with_claude_code_and_its_json_stays_json() throws Exception {
    FakeClaude.install(temp.resolve("bin"));

    Result text =
        run(environment(), "plan", TODO, "--planner", "claude-code", "-o", temp.resolve("a"));
    Result json =
        run(
            environment(),
            "plan",
            TODO,
            "--planner",
            "claude-code",
            "-o",
            temp.resolve("b"),
            "--json");

    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out()).startsWith("Planning with claude-code…\nRequirement: ");
    assertThat(json.exitCode()).as(json.err()).isZero();
    assertThat(Json.mapper().readTree(json.out()).get("tasks").size()).isPositive();
  }

  @Test
  void max_cost_counts_what_claude_code_reports_and_starts_no_further_task() throws Exception {
    FakeClaude.install(temp.resolve("bin"));
    Path out = temp.resolve("out");

    Result result =
        run(
            environment(),
            TODO,
            "--executor",
            "claude-code",
            "-m",
            1,
            "--max-cost",
            "0.01",
            "-o",
            out);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Cli.TASKS_FAILED);
    JsonNode summary = Json.mapper().readTree(out.resolve("execution_summary.json").toFile());
    assertThat(summary.get("completed").asInt()).isEqualTo(1);
    assertThat(summary.get("not_started").asInt())
        .isEqualTo(summary.get("total_tasks").asInt() - 1);
    assertThat(summary.get("cost_usd").decimalValue()).isEqualByComparingTo("0.02");
    assertThat(result.out())
        .contains("Stopped: $0.02 spent reached --max-cost $0.01; no further task started.")
        .contains("Spent: 1,350 tokens, $0.02");
  }

  @Test
  void claude_code_gets_only_its_own_environment_and_a_failed_attempt_still_counts_its_cost()
      throws Exception {
    FakeClaude.install(
        temp.resolve("bin"),
        "env > \"$here/env.txt\"\n"
            + "echo '{\"type\":\"result\",\"subtype\":\"error_max_turns\",\"is_error\":true,"
            + "\"num_turns\":3,\"total_cost_usd\":0.011,\"usage\":{\"input_tokens\":900,"
            + "\"output_tokens\":100}}'\nexit 1\n");
    Map<String, String> environment = new HashMap<>(environment());
    environment.put("GITHUB_TOKEN", "ghp_0123456789abcdefghij");
    environment.put("ANTHROPIC_API_KEY", "sk-ant-api03-0123456789");
    Path out = temp.resolve("out");

    Result result =
        run(
            environment,
            TODO,
            "--executor",
            "claude-code",
            "--max-turns",
            3,
            "--sandbox", // the fake claude writes what it saw beside itself, outside its workspace
            "off",
            "-o",
            out);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Cli.TASKS_FAILED);
    String seen = Files.readString(temp.resolve("bin/env.txt"));
    assertThat(seen)
        .contains("ANTHROPIC_API_KEY=", "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1")
        .doesNotContain("GITHUB_TOKEN");
    JsonNode summary = Json.mapper().readTree(out.resolve("execution_summary.json").toFile());
    JsonNode first = summary.get("tasks").get(0);
    assertThat(first.get("status").asText()).isEqualTo("failed");
    assertThat(first.get("cost_usd").decimalValue()).isEqualByComparingTo("0.011");
    assertThat(summary.get("cost_usd").decimalValue()).isEqualByComparingTo("0.011");
  }

  @Test
  void real_with_neither_a_key_nor_claude_says_how_to_set_one_up() {
    Result result = run(environment(), TODO, "--real", "-o", temp.resolve("out"));

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err())
        .contains("--real needs a language model", "Claude Code", "without --real");
  }

  @Test
  void a_plan_file_run_with_real_agents_asks_for_no_planner_it_does_not_use() throws Exception {
    assertThat(run(environment(), "plan", TODO, "-o", temp.resolve("p")).exitCode()).isZero();

    Result result =
        run(
            environment(),
            "run",
            "--plan",
            temp.resolve("p").resolve(PlanJson.FILE_NAME),
            "--real",
            "--executor",
            "simulated",
            "--simulate-delay",
            "0ms",
            "--no-verify",
            "-o",
            temp.resolve("out"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).doesNotContain("needs a language model");
  }

  @Test
  void executor_claude_code_without_claude_installed_says_to_install_it() {
    Result result =
        run(environment(), TODO, "--executor", "claude-code", "-o", temp.resolve("out"));

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err()).contains("claude was not found on PATH; install Claude Code");
  }

  @Test
  void executor_command_runs_the_agent_command_for_every_task() throws Exception {
    Path bin = temp.resolve("bin");
    Files.createDirectories(bin);
    Path agent = bin.resolve("my-agent");
    Files.writeString(
        agent,
        "#!/bin/bash\ntask=$1\nmkdir -p src\necho \"print('$task')\" > src/$task.py\necho \"done $task\"\n");
    agent.toFile().setExecutable(true);
    Path out = temp.resolve("out");

    Result result =
        run(
            environment(),
            TODO,
            "--executor",
            "command",
            "--agent-command",
            "my-agent {task_id}",
            "-m",
            2,
            "-o",
            out);

    assertThat(result.exitCode()).as(result.err()).isZero();
    int tasks = PlanJson.read(out.resolve("execution_plan.json")).tasks().size();
    try (Stream<Path> files = Files.list(out.resolve("src"))) {
      assertThat(files.filter(p -> p.toString().endsWith(".py"))).hasSize(tasks);
    }
  }

  @Test
  void plan_text_pasted_into_a_shell_script_is_refused_before_any_agent_runs() throws Exception {
    Path marker = temp.resolve("INJECTED");
    Path out = temp.resolve("out");

    Result result =
        run(
            environment(),
            TODO + "; touch " + marker,
            "--executor",
            "command",
            "--agent-command",
            "sh -c 'echo --message {prompt}'",
            "-o",
            out);

    assertThat(marker).as("plan text ran as a command").doesNotExist();
    assertThat(result.exitCode()).as(result.err()).isEqualTo(Cli.USAGE);
    assertThat(result.err()).contains("puts {prompt} inside the argument");
  }

  @Test
  void command_agents_get_an_allow_listed_environment_and_what_agent_env_names() throws Exception {
    Path bin = temp.resolve("bin");
    Files.createDirectories(bin);
    Path agent = bin.resolve("my-agent");
    Files.writeString(
        agent, "#!/bin/bash\nenv > \"$(dirname \"$0\")/env-$1.txt\"\necho x > x.txt\n");
    agent.toFile().setExecutable(true);
    Map<String, String> environment = new java.util.HashMap<>(environment());
    environment.putAll(
        Map.of(
            "PGPASSWORD", "pg-secret-1",
            "MYSQL_PWD", "mysql-secret-1",
            "DATABASE_URL", "postgres://u:pw-secret-1@h/db",
            "SLACK_WEBHOOK_URL", "https://hooks.slack.example/T0/B0/secret",
            "MY_DB_PASS", "db-secret-1",
            "LANG", "C.UTF-8",
            "LC_ALL", "C.UTF-8",
            "JAVA_HOME", "/opt/jdk",
            "PYTHONPATH", "/opt/py"));

    Result result =
        run(
            environment,
            TODO,
            "--executor",
            "command",
            "--agent-command",
            "my-agent {task_id}",
            "--agent-env",
            "PGPASSWORD",
            "--agent-env",
            "DEBUG=1",
            "--sandbox-writable", // where the agent reports what it saw
            bin,
            "-m",
            1,
            "-o",
            temp.resolve("out"),
            "--no-verify");

    assertThat(result.exitCode()).as(result.err()).isZero();
    String seen = Files.readString(bin.resolve("env-task_1.txt"));
    assertThat(seen.lines().map(line -> line.substring(0, line.indexOf('='))))
        .contains("PATH", "HOME", "LANG", "LC_ALL", "JAVA_HOME", "PYTHONPATH", "PGPASSWORD")
        .contains("DEBUG", "ORCHESTRATOR_TASK_ID", "ORCHESTRATOR_WORKSPACE")
        .doesNotContain("MYSQL_PWD", "DATABASE_URL", "SLACK_WEBHOOK_URL", "MY_DB_PASS");
    assertThat(seen).contains("PGPASSWORD=pg-secret-1", "DEBUG=1");
  }

  @Test
  void executor_command_without_agent_command_says_what_to_add() {
    Result result = run(environment(), TODO, "--executor", "command", "-o", temp.resolve("out"));

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err())
        .contains("--executor command needs the agent's command line: add --agent-command");
  }
}
