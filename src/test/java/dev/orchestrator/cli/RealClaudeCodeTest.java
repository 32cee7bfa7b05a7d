package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import dev.orchestrator.Secrets;
import dev.orchestrator.cli.CliRun.Result;
import dev.orchestrator.llm.fake.StreamingAnthropicServer;
import dev.orchestrator.llm.fake.StreamingAnthropicServer.Answer;
import dev.orchestrator.llm.fake.StreamingAnthropicServer.Failure;
import dev.orchestrator.llm.fake.StreamingAnthropicServer.Message;
import dev.orchestrator.process.AgentFiles;
import dev.orchestrator.process.ClaudeCode;
import dev.orchestrator.process.ClaudeEnvironment;
import dev.orchestrator.process.ProcessFailure;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Claude Code CLI ({@code @anthropic-ai/claude-code} from npm) as planner and executor,
 * against a fake Anthropic Messages API of our own that streams its answers: every flag we pass,
 * its event stream, its permission checks, its cost and token reports, its errors. Skipped, saying
 * why, when the CLI is not installed; {@code .ci/run} installs it when it can. Each claude start
 * takes seconds, so these tests are few and each covers several things.
 */
@Timeout(300)
class RealClaudeCodeTest {

  static final String KEY = "sk-ant-api03-fake-0123456789abcdef";
  static final String REQUIREMENT = "Build a todo list app with backend API and frontend UI";
  static final String MODEL = "claude-sonnet-4-5";

  /** Where {@code .ci/run} installs the CLI. */
  static final Path CI_INSTALL =
      Path.of(
          Optional.ofNullable(System.getenv("XDG_CACHE_HOME"))
              .orElse(System.getProperty("user.home") + "/.cache"),
          "orchestrator-ci/claude-code/node_modules/.bin/claude");

  static Path claude;

  @TempDir Path temp;
  StreamingAnthropicServer server;

  @BeforeAll
  static void findTheCli() {
    claude = locate().orElse(null);
    assumeTrue(
        claude != null,
        "the Claude Code CLI is not installed: set ORCHESTRATOR_TEST_CLAUDE, put claude on PATH, or"
            + " run .ci/run (it installs @anthropic-ai/claude-code into "
            + CI_INSTALL
            + ")");
  }

  // ORCHESTRATOR_TEST_CLAUDE, then claude on PATH, then where .ci/run puts it.
  static Optional<Path> locate() {
    String given = System.getenv("ORCHESTRATOR_TEST_CLAUDE");
    if (given != null && Files.isExecutable(Path.of(given))) {
      return Optional.of(Path.of(given));
    }
    for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(directory.isEmpty() ? "." : directory, "claude");
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Files.isExecutable(CI_INSTALL) ? Optional.of(CI_INSTALL) : Optional.empty();
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  /** A home of its own, the fake API, no retries inside claude. */
  Map<String, String> environment(String key) {
    Map<String, String> environment = new HashMap<>();
    environment.put("PATH", claude.getParent() + ":/usr/local/bin:/usr/bin:/bin");
    environment.put("HOME", temp.resolve("home").toString());
    environment.put("ANTHROPIC_BASE_URL", server.url());
    environment.put("ANTHROPIC_API_KEY", key);
    environment.put("CLAUDE_CODE_MAX_RETRIES", "0");
    environment.put("DISABLE_AUTOUPDATER", "1");
    return environment;
  }

  /**
   * The model of these tests. Planning (no tools): the analysis or the plan its prompt asks for. A
   * task: first tries to run the tests with Bash (which edits-only permission refuses), then writes
   * its file with Write, the key of the API in it (a model may repeat what it saw), then says it is
   * done.
   */
  static Answer model(JsonNode request) {
    String conversation = StreamingAnthropicServer.conversation(request);
    if (request.path("tools").isEmpty()) {
      return new Message(
          List.of(
              StreamingAnthropicServer.text(
                  conversation.contains("# Complexity analysis") ? ANALYSIS : PLAN)),
          "end_turn");
    }
    String task = conversation.replaceAll("(?s).*## Your task: (task_\\d+).*", "$1");
    return switch (StreamingAnthropicServer.turns(request)) {
      case 0 ->
          new Message(
              List.of(
                  StreamingAnthropicServer.toolUse(
                      "Bash", StreamingAnthropicServer.object().put("command", "pytest -q"))),
              "tool_use");
      case 1 ->
          new Message(
              List.of(
                  StreamingAnthropicServer.toolUse(
                      "Write",
                      StreamingAnthropicServer.object()
                          .put("file_path", "src/" + task + ".py")
                          .put("content", "API_KEY = '" + KEY + "'\n"))),
              "tool_use");
      default -> new Message(List.of(StreamingAnthropicServer.text("built " + task)), "end_turn");
    };
  }

  static final String ANALYSIS =
      "{\"score\": 20, \"reasoning\": \"an API and a page\", \"key_features_detected\": [\"todo"
          + " items\"], \"technical_components\": [\"REST API\", \"web UI\"], \"num_tasks\": 2}";

  static final String PLAN =
      "```json\n{\"tasks\": [{\"id\": \"task_1\", \"name\": \"REST API\", \"description\": \"The"
          + " API\", \"priority\": 1, \"estimated_effort\": \"medium\", \"estimated_duration\":"
          + " \"1hr\", \"acceptance_criteria\": [\"it answers\"], \"files\": [\"src/task_1.py\"]},"
          + " {\"id\": \"task_2\", \"name\": \"Web UI\", \"description\": \"The page\","
          + " \"priority\": 2, \"estimated_effort\": \"medium\", \"estimated_duration\": \"1hr\","
          + " \"acceptance_criteria\": [\"it shows todos\"], \"files\": [\"src/task_2.py\"]}],"
          + " \"dependencies\": {}, \"execution_strategy\": \"both at once\", \"notes\": \"\"}\n```";

  @Test
  void plans_and_builds_counting_tokens_and_cost_listing_refusals_and_masking_the_key()
      throws Exception {
    server = StreamingAnthropicServer.start(KEY, RealClaudeCodeTest::model);
    Path out = temp.resolve("out");

    Result result =
        run(
            environment(KEY),
            REQUIREMENT,
            "--planner",
            "claude-code",
            "--executor",
            "claude-code",
            "--model",
            MODEL,
            "-m",
            2,
            "--no-verify",
            "-o",
            out);

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    JsonNode summary = Json.mapper().readTree(out.resolve("execution_summary.json").toFile());
    assertThat(summary.get("completed").asInt()).isEqualTo(2);
    JsonNode planner = summary.get("planner");
    assertThat(planner.get("kind").asText()).isEqualTo("claude-code");
    assertThat(planner.get("tokens").get("input").asLong())
        .as("two planning requests")
        .isEqualTo(2 * StreamingAnthropicServer.INPUT_TOKENS);
    BigDecimal total = planner.get("cost_usd").decimalValue();
    for (JsonNode task : summary.get("tasks")) {
      assertThat(task.get("tokens").get("input").asLong())
          .as("three requests: Bash, Write, the answer")
          .isEqualTo(3 * StreamingAnthropicServer.INPUT_TOKENS);
      assertThat(task.get("tokens").get("output").asLong())
          .isEqualTo(3 * StreamingAnthropicServer.OUTPUT_TOKENS);
      assertThat(task.get("details").get("model").asText()).startsWith(MODEL);
      assertThat(task.get("details").get("permission_denials").asText())
          .isEqualTo("Bash pytest -q");
      assertThat(task.get("cost_usd").decimalValue()).isPositive();
      total = total.add(task.get("cost_usd").decimalValue());
    }
    assertThat(summary.get("cost_usd").decimalValue()).isEqualByComparingTo(total);
    assertThat(server.requests()).hasSize(8);
    assertThat(result.out()).contains("but was refused: Bash pytest -q", "Spent: ");
    assertThat(Files.readString(out.resolve("src/task_1.py")))
        .isEqualTo("API_KEY = '" + Secrets.MASK + "'\n");
    try (Stream<Path> files = Files.walk(out)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain(KEY);
      }
    }
  }

  @Test
  void max_cost_stops_the_run_after_the_task_that_reached_it() throws Exception {
    server = StreamingAnthropicServer.start(KEY, RealClaudeCodeTest::model);
    Path out = temp.resolve("out");

    Result result =
        run(
            environment(KEY),
            REQUIREMENT,
            "--executor",
            "claude-code",
            "--model",
            MODEL,
            "-m",
            1,
            "--max-cost",
            "0.001",
            "--no-verify",
            "-o",
            out);

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Cli.TASKS_FAILED);
    JsonNode summary = Json.mapper().readTree(out.resolve("execution_summary.json").toFile());
    assertThat(summary.get("completed").asInt()).isEqualTo(1);
    assertThat(summary.get("not_started").asInt())
        .isEqualTo(summary.get("total_tasks").asInt() - 1);
    assertThat(result.out()).contains("reached --max-cost $0.001", "no further task started");
  }

  @Test
  void a_command_allowed_with_allowed_tools_is_run_not_refused() throws Exception {
    server = StreamingAnthropicServer.start(KEY, RealClaudeCodeTest::model);
    Path out = temp.resolve("out");

    Result result =
        run(
            environment(KEY),
            REQUIREMENT,
            "--executor",
            "claude-code",
            "--model",
            MODEL,
            "-m",
            1,
            "--max-cost", // one task is enough
            "0.001",
            "--claude-arg=--allowedTools",
            "--claude-arg=Bash(pytest:*)",
            "--no-verify",
            "-o",
            out);

    JsonNode task =
        Json.mapper().readTree(out.resolve("execution_summary.json").toFile()).get("tasks").get(0);
    assertThat(task.get("status").asText()).as(result.out() + result.err()).isEqualTo("completed");
    assertThat(task.get("details").has("permission_denials")).isFalse();
    assertThat(result.out()).doesNotContain("refused");
  }

  @Test
  void the_turn_limit_fails_the_task_without_a_retry_and_its_cost_still_counts() throws Exception {
    server = StreamingAnthropicServer.start(KEY, RealClaudeCodeTest::model);
    Path out = temp.resolve("out");

    Result result =
        run(
            environment(KEY),
            REQUIREMENT,
            "--executor",
            "claude-code",
            "--model",
            MODEL,
            "--max-turns",
            1,
            "--retries",
            2,
            "-m",
            1,
            "--no-verify",
            "-o",
            out);

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Cli.TASKS_FAILED);
    JsonNode summary = Json.mapper().readTree(out.resolve("execution_summary.json").toFile());
    JsonNode first = summary.get("tasks").get(0);
    assertThat(first.get("status").asText()).isEqualTo("failed");
    assertThat(first.get("attempts").asInt()).isEqualTo(1);
    assertThat(first.get("error").asText()).contains("turn limit of --max-turns 1");
    assertThat(first.get("cost_usd").decimalValue()).isPositive();
    assertThat(summary.get("cost_usd").decimalValue()).isPositive();
  }

  @Test
  void an_http_500_is_worth_another_attempt_and_a_rejected_key_is_not() throws Exception {
    Function<JsonNode, Answer> broken =
        request -> new Failure(500, "api_error", "Internal server error");
    server = StreamingAnthropicServer.start(KEY, broken);

    assertThatThrownBy(() -> ask(environment(KEY)))
        .isInstanceOf(ProcessFailure.class)
        .hasMessageContaining("claude reported an error")
        .hasMessageContaining("500")
        .satisfies(e -> assertThat(((ProcessFailure) e).retryable()).isTrue());
    assertThatThrownBy(() -> ask(environment("sk-ant-api03-wrong-key-0000")))
        .isInstanceOf(ProcessFailure.class)
        .hasMessageContaining("claude reported an error")
        .satisfies(e -> assertThat(((ProcessFailure) e).retryable()).isFalse());
  }

  private void ask(Map<String, String> environment) throws Exception {
    Path directory = Files.createTempDirectory(temp, "ask");
    AgentFiles files = AgentFiles.in(directory);
    files.writePrompt("Say hello.");
    new ClaudeCode(
            claude,
            ClaudeEnvironment.of(environment),
            MODEL,
            2,
            false,
            List.of(),
            false,
            Secrets.none(),
            usage -> {},
            dev.orchestrator.sandbox.Sandbox.none())
        .edit(directory, files, (message, fraction) -> {});
  }
}
