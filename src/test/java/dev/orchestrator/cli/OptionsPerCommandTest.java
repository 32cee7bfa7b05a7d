package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliRun.args;
import static dev.orchestrator.cli.CliRun.run;
import static dev.orchestrator.cli.CliTest.TODO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orchestrator.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each command takes only the options it uses: {@code plan} has no retries, {@code worker} no
 * planner. The help shows them in sections; any other option is an error; a setting in the
 * environment or the config file counts on the commands that take its option and is ignored by the
 * others, so that one can be set once for all commands.
 */
@Timeout(60)
class OptionsPerCommandTest {

  static final List<String> PLANNING = List.of("--max-executors", "--planner");
  static final List<String> EXECUTION =
      List.of(
          "--executor",
          "--max-turns",
          "--agent-command",
          "--agent-env",
          "--simulate-delay",
          "--simulate-scale",
          "--task-timeout",
          "--retries",
          "--retry-backoff",
          "--max-cost");
  static final List<String> MODEL =
      List.of(
          "--real",
          "--provider",
          "--model",
          "--base-url",
          "--max-output-tokens",
          "--price-table",
          "--max-concurrent-requests",
          "--request-timeout",
          "--request-retries");
  static final List<String> CLAUDE_CODE =
      List.of(
          "--claude-binary", "--claude-skip-permissions", "--claude-keep-sessions", "--claude-arg");
  static final List<String> TEMPORAL =
      List.of("--temporal", "--namespace", "--task-queue", "--artifact-dir");
  static final List<String> ENGINE = concat(List.of("--engine", "--heartbeat-timeout"), TEMPORAL);
  static final List<String> VERIFICATION =
      List.of("--no-verify", "--verify-command", "--verify-timeout", "--fix-rounds");
  static final List<String> SANDBOX =
      List.of("--sandbox", "--sandbox-network", "--sandbox-writable");
  static final List<String> DIRECTORY = List.of("--output-dir", "--force");
  static final List<String> REPOSITORY =
      List.of(
          "--repo",
          "--include-uncommitted",
          "--keep-branches",
          "--worktree-include",
          "--setup-command");
  static final List<String> STANDARD = List.of("--quiet", "--verbose", "--help", "--version");

  @TempDir Path temp;
  Path plan;

  @BeforeEach
  void writePlan() {
    Path dir = temp.resolve("plan");
    assertThat(run(Map.of(), "plan", TODO, "-o", dir).exitCode()).isZero();
    plan = dir.resolve("execution_plan.json");
  }

  static Stream<Arguments> commands() {
    return Stream.of(
        arguments(
            "",
            concat(
                PLANNING,
                EXECUTION,
                MODEL,
                CLAUDE_CODE,
                ENGINE,
                VERIFICATION,
                SANDBOX,
                DIRECTORY,
                REPOSITORY,
                List.of("--json"),
                STANDARD),
            List.of(
                "Planning:",
                "Execution:",
                "Language model:",
                "Claude Code:",
                "Engine:",
                "Verification:",
                "Sandbox:",
                "Output:")),
        arguments(
            "plan",
            concat(PLANNING, MODEL, CLAUDE_CODE, DIRECTORY, List.of("--repo", "--json"), STANDARD),
            List.of("Options:", "Planning:", "Language model:", "Claude Code:", "Output:")),
        arguments(
            "run",
            concat(
                List.of("--plan", "--max-executors"),
                EXECUTION,
                MODEL,
                CLAUDE_CODE,
                ENGINE,
                VERIFICATION,
                SANDBOX,
                DIRECTORY,
                REPOSITORY,
                List.of("--json"),
                STANDARD),
            List.of(
                "Options:",
                "Execution:",
                "Language model:",
                "Claude Code:",
                "Engine:",
                "Verification:",
                "Sandbox:",
                "Output:")),
        arguments(
            "resume",
            concat(
                List.of("--max-executors"),
                EXECUTION,
                MODEL,
                CLAUDE_CODE,
                ENGINE,
                VERIFICATION,
                SANDBOX,
                REPOSITORY,
                List.of("--json"),
                STANDARD),
            List.of(
                "Execution:",
                "Language model:",
                "Claude Code:",
                "Engine:",
                "Verification:",
                "Sandbox:",
                "Output:")),
        arguments(
            "verify",
            concat(EXECUTION, MODEL, CLAUDE_CODE, ENGINE, VERIFICATION, SANDBOX, STANDARD),
            List.of(
                "Execution:",
                "Language model:",
                "Claude Code:",
                "Engine:",
                "Verification:",
                "Sandbox:",
                "Output:")),
        arguments(
            "demo",
            concat(
                List.of("--list"),
                PLANNING,
                EXECUTION,
                MODEL,
                CLAUDE_CODE,
                ENGINE,
                VERIFICATION,
                SANDBOX,
                DIRECTORY,
                STANDARD),
            List.of(
                "Options:",
                "Planning:",
                "Execution:",
                "Language model:",
                "Claude Code:",
                "Engine:",
                "Verification:",
                "Sandbox:",
                "Output:")),
        arguments(
            "worker",
            concat(
                List.of("--max-attempts"),
                EXECUTION.subList(0, 6),
                SANDBOX,
                MODEL,
                CLAUDE_CODE,
                TEMPORAL,
                STANDARD),
            List.of(
                "Options:",
                "Execution:",
                "Language model:",
                "Claude Code:",
                "Engine:",
                "Sandbox:",
                "Output:")),
        arguments(
            "simulate",
            concat(
                List.of("--plan", "--max-executors", "--sweep", "--output-dir", "--json"),
                STANDARD),
            List.of("Options:", "Output:")),
        arguments("report", STANDARD, List.of("Output:")),
        arguments("clean", concat(List.of("--repo"), STANDARD), List.of("Options:", "Output:")),
        arguments("completion", STANDARD, List.of("Output:")));
  }

  @ParameterizedTest(name = "orchestrator {0} takes exactly its options")
  @MethodSource("commands")
  void each_command_takes_exactly_the_options_it_uses(
      String command, List<String> options, List<String> sections) {
    assertThat(optionsIn(help(command))).isEqualTo(new TreeSet<>(options));
  }

  @ParameterizedTest(name = "orchestrator {0} --help has its sections")
  @MethodSource("commands")
  void the_help_of_each_command_shows_the_sections_of_its_options(
      String command, List<String> options, List<String> sections) {
    assertThat(sectionsIn(help(command))).containsExactlyElementsOf(sections);
  }

  @Test
  void plan_with_retries_is_one_error_line_and_where_the_help_is() {
    Result result = run("plan", "x", "--retries", "3", "-o", temp.resolve("o"));

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err().lines())
        .containsExactly(
            "error: Unknown option: '--retries'",
            "plan does not take --retries (orchestrator, run, resume, demo and verify do)",
            "see 'orchestrator plan --help'");
    assertThat(result.out()).isEmpty();
    assertThat(temp.resolve("o")).doesNotExist();
  }

  @ParameterizedTest(name = "{0} rejects {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "plan x                 | --executor simulated",
        "plan x                 | --no-verify",
        "plan x                 | --engine local",
        "resume out             | -o elsewhere",
        "resume out             | --planner heuristic",
        "verify out             | --json",
        "verify out             | -m 2",
        "worker                 | --planner heuristic",
        "worker                 | --retries 1",
        "simulate --plan p.json | --real",
      })
  void an_option_of_another_command_exits_2_naming_the_commands_help(
      String command, String option) {
    List<String> line = new ArrayList<>(List.of(command.split(" ")));
    line.addAll(List.of(option.split(" ")));

    Result result = run(Map.of(), line.toArray(String[]::new));

    String name = line.get(0);
    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err())
        .startsWith("error: Unknown option")
        .endsWith("see 'orchestrator " + name + " --help'" + System.lineSeparator());
  }

  @Test
  void settings_for_options_a_command_does_not_take_are_ignored_by_it() throws IOException {
    Path config = Files.writeString(temp.resolve("config.properties"), "task-timeout=banana\n");
    Map<String, String> environment =
        Map.of(
            "ORCHESTRATOR_CONFIG",
            config.toString(),
            "ORCHESTRATOR_RETRIES",
            "many",
            "ORCHESTRATOR_EXECUTOR",
            "robot");

    Result result = run(environment, "plan", TODO, "-o", temp.resolve("p"));

    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  @Test
  void a_subcommand_rejects_an_unknown_setting_naming_those_of_every_command() throws IOException {
    Path config = Files.writeString(temp.resolve("config.properties"), "retires=2\n");

    Result result =
        run(
            Map.of("ORCHESTRATOR_CONFIG", config.toString()),
            "plan",
            TODO,
            "-o",
            temp.resolve("p"));

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err()).contains("unknown settings [retires]", " retries,", " task-queue,");
    assertThat(temp.resolve("p")).doesNotExist();
  }

  @Test
  void an_option_of_the_main_command_before_the_subcommand_does_not_hide_it() {
    Result result =
        run(
            Map.of("ORCHESTRATOR_RETRIES", "many"),
            "-q",
            "-m",
            "3",
            "plan",
            TODO,
            "-o",
            temp.resolve("p"));

    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  @ParameterizedTest(name = "{0}={1} is read by run")
  @CsvSource({"ORCHESTRATOR_RETRIES, many", "ORCHESTRATOR_EXECUTOR, robot"})
  void the_same_settings_count_on_the_commands_that_take_them(String variable, String value) {
    Result result = run(Map.of(variable, value), "run", "--plan", plan, "-o", temp.resolve("r"));

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err()).startsWith("error: " + variable + " in the environment: ");
  }

  @Test
  void a_config_file_setting_counts_on_the_commands_that_take_it() throws IOException {
    Path config = Files.writeString(temp.resolve("config.properties"), "task-timeout=banana\n");

    Result result =
        run(Map.of("ORCHESTRATOR_CONFIG", config.toString()), "run", "--plan", plan, "-o", temp);

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err()).startsWith("error: task-timeout in " + config + ": ");
  }

  @ParameterizedTest(name = "orchestrator {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "plan  | x",
        "run   | --plan PLAN --simulate-delay 0ms --no-verify",
        "''    | x --simulate-delay 0ms --no-verify",
        "demo  | todo --simulate-delay 0ms --no-verify",
      })
  void an_environment_default_applies_on_every_command_that_takes_the_option(
      String command, String rest) {
    List<Object> line = new ArrayList<>();
    if (!command.isBlank()) {
      line.add(command.strip());
    }
    for (String word : rest.strip().split(" ")) {
      line.add(word.equals("PLAN") ? plan : word);
    }
    line.addAll(List.of("-o", temp.resolve("out")));
    Map<String, String> environment = new HashMap<>();
    environment.put("ORCHESTRATOR_MAX_EXECUTORS", "2");

    Result result = run(environment, args(line.toArray()));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Executors: 2");
  }

  private static String help(String command) {
    Result result = command.isEmpty() ? run(Map.of(), "--help") : run(Map.of(), command, "--help");
    assertThat(result.exitCode()).isZero();
    return result.out();
  }

  private static final Pattern OPTION = Pattern.compile("(?m)^  (?:-\\w, |    )(--[a-z][\\w-]*)");
  private static final Pattern HEADING = Pattern.compile("(?m)^([A-Z][A-Za-z ]*):$");

  private static Set<String> optionsIn(String help) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = OPTION.matcher(help);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static List<String> sectionsIn(String help) {
    List<String> headings = new ArrayList<>();
    Matcher matcher = HEADING.matcher(help);
    while (matcher.find()) {
      if (!Set.of("Commands", "Example").contains(matcher.group(1))) {
        headings.add(matcher.group(1) + ":");
      }
    }
    return headings;
  }

  private static List<String> concat(List<?>... lists) {
    return Arrays.stream(lists).flatMap(List::stream).map(Object::toString).toList();
  }
}
