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
    assertThat(summary.get("cost_usd").decimalValue()).isEqualByComparingTo("0.08");
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
  void executor_command_without_agent_command_says_what_to_add() {
    Result result = run(environment(), TODO, "--executor", "command", "-o", temp.resolve("out"));

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err())
        .contains("--executor command needs the agent's command line: add --agent-command");
  }
}
