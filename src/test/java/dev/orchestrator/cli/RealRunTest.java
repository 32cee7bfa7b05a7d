package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import dev.orchestrator.cli.CliRun.Result;
import dev.orchestrator.llm.fake.FakeModelServer;
import dev.orchestrator.llm.fake.FakeModelServer.Dialect;
import dev.orchestrator.llm.fake.TodoScript;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code --real} on the command line against a fake model API over HTTP: planning, executing and
 * consolidating with a language model, provider settings, and keys kept out of every output.
 */
@Timeout(120)
class RealRunTest {

  static final String KEY = "sk-e2e-SECRET-7f3a9c1d5e";

  @TempDir Path temp;
  FakeModelServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** No claude on PATH and no home config: only what a test gives counts. */
  Map<String, String> environment(String... variables) {
    Map<String, String> environment = new HashMap<>();
    environment.put("PATH", temp.resolve("empty-bin").toString());
    environment.put("HOME", temp.resolve("home").toString());
    for (int i = 0; i < variables.length; i += 2) {
      environment.put(variables[i], variables[i + 1]);
    }
    return environment;
  }

  static String provider(Dialect dialect) {
    return dialect == Dialect.ANTHROPIC ? "anthropic" : "openai";
  }

  static String keyVariable(Dialect dialect) {
    return dialect == Dialect.ANTHROPIC ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY";
  }

  static String model(Dialect dialect) {
    return dialect == Dialect.ANTHROPIC ? "claude-sonnet-4-5" : "gpt-4.1-mini";
  }

  Result realRun(Dialect dialect, Path out) throws IOException {
    server = FakeModelServer.start(KEY, new TodoScript());
    return run(
        environment(keyVariable(dialect), KEY),
        TodoScript.REQUIREMENT,
        "--real",
        "--provider",
        provider(dialect),
        "--base-url",
        server.url(),
        "--model",
        model(dialect),
        "-m",
        3,
        "-o",
        out);
  }

  static Set<String> filesBelow(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void builds_the_project_the_model_dictates_and_sums_its_tokens_and_cost_per_task(Dialect dialect)
      throws Exception {
    Path out = temp.resolve("todo");

    Result result = realRun(dialect, out);

    assertThat(result.exitCode()).as(result.err()).isZero();
    Plan plan = PlanJson.read(out.resolve("execution_plan.json"));
    assertThat(plan.tasks())
        .extracting(t -> t.name())
        .containsExactly("Data model", "REST API", "Frontend UI", "Documentation");
    assertThat(plan.notes())
        .endsWith("Planned by " + model(dialect) + " (" + provider(dialect) + ").");
    Set<String> project =
        new TreeSet<>(filesBelow(out.resolve("src")).stream().map(p -> "src/" + p).toList());
    project.addAll(filesBelow(out.resolve("tests")).stream().map(p -> "tests/" + p).toList());
    assertThat(project)
        .isEqualTo(
            TodoScript.FILES.keySet().stream()
                .filter(p -> !p.startsWith("docs/"))
                .collect(Collectors.toCollection(TreeSet::new)));
    for (Map.Entry<String, String> file : TodoScript.FILES.entrySet()) {
      assertThat(out.resolve(file.getKey())).hasContent(file.getValue().stripTrailing());
    }
    assertThat(Files.readString(out.resolve("README.md"))).contains("Open index.html.");

    JsonNode summary = Json.mapper().readTree(out.resolve("execution_summary.json").toFile());
    assertThat(summary.get("completed").asInt()).isEqualTo(4);
    BigDecimal total = BigDecimal.ZERO;
    for (JsonNode task : summary.get("tasks")) {
      String id = task.get("id").asText();
      List<FakeModelServer.TokenCount> sent =
          server.answered().stream()
              .filter(e -> e.call().firstUserText().startsWith("# Your task: " + id + " "))
              .map(FakeModelServer.Exchange::usage)
              .toList();
      JsonNode tokens = task.get("tokens");
      assertThat(tokens.get("input").asLong())
          .as(id)
          .isEqualTo(sent.stream().mapToLong(u -> u.input()).sum());
      assertThat(tokens.get("output").asLong())
          .as(id)
          .isEqualTo(sent.stream().mapToLong(u -> u.output()).sum());
      assertThat(tokens.get("cache_read").asLong())
          .as(id)
          .isEqualTo(sent.stream().mapToLong(u -> u.cacheRead()).sum());
      assertThat(tokens.get("cache_write").asLong())
          .as(id)
          .isEqualTo(sent.stream().mapToLong(u -> u.cacheWrite()).sum());
      assertThat(task.get("cost_usd").decimalValue()).as(id).isPositive();
      total = total.add(task.get("cost_usd").decimalValue());
    }
    BigDecimal planning = summary.get("planner").get("cost_usd").decimalValue();
    assertThat(planning).as("the planner's requests to the model").isPositive();
    assertThat(summary.get("cost_usd").decimalValue()).isEqualByComparingTo(total.add(planning));
    assertThat(summary.get("tokens").get("cache_read").asLong()).isPositive();
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void measures_requests_tokens_and_the_share_of_input_served_from_the_cache(Dialect dialect)
      throws Exception {
    Path out = temp.resolve("todo");
    Result result = realRun(dialect, out);

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode summary = Json.mapper().readTree(out.resolve("execution_summary.json").toFile());
    List<FakeModelServer.TokenCount> usage =
        server.answered().stream().map(FakeModelServer.Exchange::usage).toList();
    long input = usage.stream().mapToLong(u -> u.input() + u.cacheRead() + u.cacheWrite()).sum();
    long read = usage.stream().mapToLong(FakeModelServer.TokenCount::cacheRead).sum();
    long write = usage.stream().mapToLong(FakeModelServer.TokenCount::cacheWrite).sum();
    long output = usage.stream().mapToLong(FakeModelServer.TokenCount::output).sum();
    // Two planner requests; 2 + 3 + 1 + 4 agent turns; one 429 that is retried.
    assertThat(server.exchanges()).hasSize(13);
    assertThat(usage).hasSize(12);
    double share = (double) read / input;
    System.out.printf(
        "%s todo run: %d requests (%d answered), input %d tokens (%d cache read, %d cache write),"
            + " output %d tokens, %.0f%% of input from the cache; executors' cost $%s%n",
        dialect,
        server.exchanges().size(),
        usage.size(),
        input,
        read,
        write,
        output,
        100 * share,
        summary.get("cost_usd").decimalValue().toPlainString());
    assertThat(share).isGreaterThan(0.3);
  }

  @Test
  void max_cost_lets_the_running_task_finish_and_starts_no_other() throws Exception {
    server = FakeModelServer.start(KEY, new TodoScript());
    Path planFile = temp.resolve("plan.json");
    Files.writeString(
        planFile,
        "{\"requirements\": \"" + TodoScript.REQUIREMENT + "\", " + TodoScript.PLAN.substring(1));
    Path out = temp.resolve("out");

    Result result =
        run(
            environment("ANTHROPIC_API_KEY", KEY),
            "run",
            "--plan",
            planFile,
            "--executor",
            "llm",
            "--provider",
            "anthropic",
            "--base-url",
            server.url(),
            "--model",
            "claude-sonnet-4-5",
            "-m",
            1,
            "--max-cost",
            "0.000001",
            "-o",
            out);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Cli.TASKS_FAILED);
    JsonNode summary = Json.mapper().readTree(out.resolve("execution_summary.json").toFile());
    assertThat(summary.get("completed").asInt()).isEqualTo(1);
    assertThat(summary.get("not_started").asInt()).isEqualTo(3);
    assertThat(out.resolve("src/todo/models.py")).exists();
    assertThat(Files.readString(out.resolve("orchestrator.log")))
        .containsPattern(
            "the model requests have cost \\$[0-9.]+, reaching the limit of \\$0.000001");
  }

  @Test
  void max_cost_needs_a_priced_model() throws Exception {
    server = FakeModelServer.start(KEY, new TodoScript());

    Result result =
        run(
            environment("ANTHROPIC_API_KEY", KEY),
            "x",
            "--real",
            "--base-url",
            server.url(),
            "--model",
            "claude-unpriced-1",
            "--max-cost",
            "5",
            "-o",
            temp.resolve("out"));

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err())
        .contains("--max-cost needs the price of claude-unpriced-1")
        .contains("--price-table");
  }

  @Test
  void without_a_configured_model_real_exits_2_naming_every_way_to_set_one_up() {
    Result result = run(environment(), TodoScript.REQUIREMENT, "--real", "-o", temp.resolve("out"));

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err())
        .contains("--real needs a language model, and none is configured")
        .contains("set ANTHROPIC_API_KEY")
        .contains("set OPENAI_API_KEY")
        .contains("--provider openai --base-url http://localhost:11434/v1")
        .contains("./orchestrator.properties or ~/.config/orchestrator/config.properties");
    assertThat(temp.resolve("out")).doesNotExist();
  }

  @Test
  void picks_anthropic_from_its_key_and_uses_a_local_openai_server_without_one() throws Exception {
    server = FakeModelServer.start(KEY, new TodoScript());
    Result anthropic =
        run(
            environment("ANTHROPIC_API_KEY", KEY, "ORCHESTRATOR_BASE_URL", server.url()),
            "plan",
            TodoScript.REQUIREMENT,
            "--real",
            "-o",
            temp.resolve("a"));
    server.close();
    server = FakeModelServer.start(null, new TodoScript());
    Result local =
        run(
            environment(),
            "plan",
            TodoScript.REQUIREMENT,
            "--planner",
            "llm",
            "--provider",
            "openai",
            "--base-url",
            server.url() + "/v1",
            "--model",
            "llama3.1",
            "-o",
            temp.resolve("b"));

    assertThat(anthropic.exitCode()).as(anthropic.err()).isZero();
    assertThat(local.exitCode()).as(local.err()).isZero();
    assertThat(server.exchanges())
        .allSatisfy(e -> assertThat(e.call().model()).isEqualTo("llama3.1"));
    assertThat(server.exchanges().get(0).headers()).doesNotContainKey("Authorization");
  }

  @Test
  void the_command_line_wins_over_the_environment_which_wins_over_the_config_file()
      throws Exception {
    server = FakeModelServer.start(KEY, new TodoScript());
    Path config = temp.resolve("orchestrator.properties");
    Files.writeString(
        config,
        "provider=openai\nbase-url="
            + server.url()
            + "\nmodel=from-file\nopenai-api-key="
            + KEY
            + "\n");
    Map<String, String> environment = environment("ORCHESTRATOR_CONFIG", config.toString());

    run(environment, "plan", TodoScript.REQUIREMENT, "--planner", "llm", "-o", temp.resolve("1"));
    environment.put("ORCHESTRATOR_MODEL", "from-environment");
    run(environment, "plan", TodoScript.REQUIREMENT, "--planner", "llm", "-o", temp.resolve("2"));
    Result last =
        run(
            environment,
            "plan",
            TodoScript.REQUIREMENT,
            "--planner",
            "llm",
            "--model",
            "from-command-line",
            "-o",
            temp.resolve("3"));

    assertThat(last.exitCode()).as(last.err()).isZero();
    assertThat(server.exchanges().stream().map(e -> e.call().model()).distinct())
        .containsExactly("from-file", "from-environment", "from-command-line");
  }

  @Test
  void a_config_file_with_an_unknown_setting_exits_2() throws Exception {
    Path config = temp.resolve("orchestrator.properties");
    Files.writeString(config, "modle=claude-sonnet-4-5\n");

    Result result = run(environment("ORCHESTRATOR_CONFIG", config.toString()), "plan", "x");

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err()).contains("unknown settings [modle]");
  }

  @Test
  void the_api_key_appears_in_no_output_file_no_log_and_no_printed_error() throws Exception {
    Path good = temp.resolve("good");
    Result success = realRun(Dialect.ANTHROPIC, good);
    server.close();
    // OpenAI's 401 quotes the key it was given: executors that keep failing log and print it.
    server = FakeModelServer.start("sk-the-right-one", new TodoScript());
    Path bad = temp.resolve("bad");
    Result failure =
        run(
            environment("OPENAI_API_KEY", KEY),
            TodoScript.REQUIREMENT,
            "--planner",
            "heuristic",
            "--executor",
            "llm",
            "--provider",
            "openai",
            "--base-url",
            server.url(),
            "-m",
            2,
            "-o",
            bad);
    Result planFailure =
        run(
            environment("OPENAI_API_KEY", KEY),
            "plan",
            TodoScript.REQUIREMENT,
            "--real",
            "--base-url",
            server.url(),
            "-o",
            temp.resolve("never"));

    assertThat(success.exitCode()).as(success.err()).isZero();
    assertThat(failure.exitCode()).isEqualTo(Cli.TASKS_FAILED);
    assertThat(planFailure.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(planFailure.err())
        .contains("rejected the key (401")
        .contains("check OPENAI_API_KEY");
    assertThat(Files.readString(bad.resolve("orchestrator.log"))).contains("rejected the key (401");
    assertThat(server.exchanges()).anySatisfy(e -> assertThat(e.responseBody()).contains(KEY));
    for (Path dir : List.of(good, bad)) {
      assertThat(filesBelow(dir)).isNotEmpty();
      for (String file : filesBelow(dir)) {
        String content =
            new String(Files.readAllBytes(dir.resolve(file)), StandardCharsets.ISO_8859_1);
        assertThat(content).as(dir.relativize(dir.resolve(file)).toString()).doesNotContain(KEY);
      }
    }
    for (Result result : List.of(success, failure, planFailure)) {
      assertThat(result.out()).doesNotContain(KEY);
      assertThat(result.err()).doesNotContain(KEY);
    }
  }
}
