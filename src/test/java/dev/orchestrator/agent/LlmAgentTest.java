package dev.orchestrator.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.llm.ApiKey;
import dev.orchestrator.llm.ModelClient;
import dev.orchestrator.llm.Provider;
import dev.orchestrator.llm.ProviderSettings;
import dev.orchestrator.llm.RequestRetry;
import dev.orchestrator.llm.fake.Call;
import dev.orchestrator.llm.fake.FakeModelServer;
import dev.orchestrator.llm.fake.FakeModelServer.Dialect;
import dev.orchestrator.llm.fake.Reply;
import dev.orchestrator.llm.fake.TodoScript;
import dev.orchestrator.llm.fake.ToolCall;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The language-model agent against a fake model API, with real workspaces. */
@Timeout(30)
class LlmAgentTest {

  static final String KEY = "sk-agent-test-key";
  static final Plan PLAN =
      PlanJson.parse(
          "{\"requirements\": \"" + TodoScript.REQUIREMENT + "\", " + TodoScript.PLAN.substring(1),
          "test");

  @TempDir Path temp;
  FakeModelServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  ModelClient client(Dialect dialect, FakeModelServer.Script script) throws Exception {
    server = FakeModelServer.start(KEY, script);
    Provider provider = dialect == Dialect.ANTHROPIC ? Provider.ANTHROPIC : Provider.OPENAI;
    ProviderSettings settings =
        new ProviderSettings(
            provider,
            "test-model",
            ProviderSettings.apiRoot(provider, server.url()),
            new ApiKey(KEY, provider.keyVariable()),
            Duration.ofSeconds(10),
            4096);
    return ModelClient.builder(settings)
        .retry(new RequestRetry(2, Duration.ZERO, Duration.ZERO))
        .build();
  }

  TaskAssignment assignment(String taskId, Map<String, List<Path>> dependencyOutputs) {
    Task task = PLAN.tasks().stream().filter(t -> t.id().equals(taskId)).findFirst().orElseThrow();
    return new TaskAssignment(
        PLAN,
        task,
        1,
        1,
        new TaskWorkspace(temp.resolve("work").resolve(taskId)),
        dependencyOutputs,
        (message, fraction) -> {});
  }

  static String read(TaskWorkspace workspace, String path) {
    return workspace.read(path);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void writes_the_tasks_files_with_tools_and_reports_the_tokens_of_every_turn(Dialect dialect)
      throws Exception {
    LlmAgent agent = new LlmAgent(client(dialect, new TodoScript()), 10, 10_000);
    TaskAssignment assignment = assignment("task_1", Map.of());

    AgentResult result = agent.execute(assignment);

    assertThat(assignment.workspace().files())
        .containsExactly("README.md", "src/todo/models.py", "tests/test_models.py");
    assertThat(read(assignment.workspace(), "src/todo/models.py"))
        .isEqualTo(TodoScript.FILES.get("src/todo/models.py"));
    assertThat(result.summary()).isEqualTo("Todo model with tests.");
    assertThat(result.details()).containsEntry("turns", "2").containsEntry("mode", "tools");
    long sentInput = server.answered().stream().mapToLong(e -> e.usage().input()).sum();
    long sentOutput = server.answered().stream().mapToLong(e -> e.usage().output()).sum();
    assertThat(result.usage().inputTokens()).isEqualTo(sentInput);
    assertThat(result.usage().outputTokens()).isEqualTo(sentOutput);
    assertThat(result.usage().costUsd()).isNull();
  }

  @Test
  void puts_the_requirement_and_plan_in_the_system_prompt_and_the_task_after_it() throws Exception {
    new LlmAgent(client(Dialect.ANTHROPIC, new TodoScript()), 10, 10_000)
        .execute(assignment("task_1", Map.of()));

    Call first = server.exchanges().get(0).call();
    assertThat(first.system())
        .contains(TodoScript.REQUIREMENT)
        .contains("\"id\" : \"task_4\"")
        .doesNotContain("Your task");
    assertThat(first.firstUserText())
        .startsWith("# Your task: task_1 - Data model")
        .contains("- The store creates, reads, updates, deletes and lists todos")
        .contains("Files your task owns: src/todo/models.py, tests/test_models.py");
    assertThat(first.tools()).containsExactly("write_file", "read_file", "list_files", "finish");
  }

  @Test
  void marks_the_shared_prompt_and_the_newest_message_for_the_cache_so_other_tasks_read_it()
      throws Exception {
    ModelClient client = client(Dialect.ANTHROPIC, new TodoScript());
    new LlmAgent(client, 10, 10_000).execute(assignment("task_1", Map.of()));
    int before = server.exchanges().size();

    AgentResult other = new LlmAgent(client, 10, 10_000).execute(assignment("task_3", Map.of()));

    String request = server.exchanges().get(1).requestBody();
    assertThat(request.split("\"cache_control\"", -1)).hasSize(3);
    assertThat(server.exchanges().get(before).usage().cacheRead()).isPositive();
    assertThat(other.usage().cacheReadTokens()).isPositive();
  }

  @Test
  void shows_dependency_files_in_the_prompt_and_reads_them_on_request_after_a_rate_limit()
      throws Exception {
    Path dependency = temp.resolve("out/executor_2/task_1/src/todo/models.py");
    Files.createDirectories(dependency.getParent());
    Files.writeString(dependency, TodoScript.FILES.get("src/todo/models.py"));
    TaskAssignment assignment = assignment("task_2", Map.of("task_1", List.of(dependency)));

    new LlmAgent(client(Dialect.OPENAI, new TodoScript()), 10, 10_000).execute(assignment);

    assertThat(server.exchanges())
        .extracting(FakeModelServer.Exchange::status)
        .startsWith(429, 200);
    assertThat(server.exchanges().get(1).call().firstUserText())
        .contains("## task_1: src/todo/models.py")
        .contains("class Todo:");
    assertThat(server.exchanges().get(2).call().latestToolResults().get(0).text())
        .isEqualTo(TodoScript.FILES.get("src/todo/models.py"));
    assertThat(assignment.workspace().files()).contains("src/todo/api.py", "tests/test_api.py");
  }

  @Test
  void writes_the_files_of_fenced_code_blocks_when_the_model_answers_in_text() throws Exception {
    TaskAssignment assignment = assignment("task_3", Map.of());

    AgentResult result =
        new LlmAgent(client(Dialect.ANTHROPIC, new TodoScript()), 10, 10_000).execute(assignment);

    assertThat(assignment.workspace().files())
        .containsExactly("README.md", "src/web/app.js", "src/web/index.html");
    assertThat(read(assignment.workspace(), "src/web/app.js"))
        .isEqualTo(TodoScript.FILES.get("src/web/app.js"));
    assertThat(result.summary()).isEqualTo("Here is the UI.");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void reports_refused_paths_to_the_model_and_writes_nothing_outside(Dialect dialect)
      throws Exception {
    TaskAssignment assignment = assignment("task_4", Map.of());

    new LlmAgent(client(dialect, new TodoScript()), 10, 10_000).execute(assignment);

    Call.Message escape = server.exchanges().get(1).call().latestToolResults().get(0);
    Call.Message absolute = server.exchanges().get(2).call().latestToolResults().get(0);
    if (dialect == Dialect.ANTHROPIC) {
      assertThat(escape.isError()).isTrue();
    }
    assertThat(escape.text())
        .isEqualTo(
            "refused: ../../etc/x leaves the workspace through \"..\"; use a path inside the project");
    assertThat(absolute.text()).contains("/etc/passwd is an absolute path");
    assertThat(assignment.workspace().files()).containsExactly("README.md", "docs/usage.md");
    assertThat(temp.resolve("etc/x")).doesNotExist();
  }

  @Test
  void keeps_the_complete_files_of_a_reply_cut_at_the_output_limit_and_asks_for_the_rest()
      throws Exception {
    LlmAgent agent =
        new LlmAgent(
            client(
                Dialect.OPENAI,
                call ->
                    call.assistantTurns() == 0
                        ? Reply.cut(
                            "```python path=src/todo/models.py\nclass Todo: pass\n```\n\n```python path=tests/test_models.py\ndef test_")
                        : Reply.text(
                            "```python path=tests/test_models.py\ndef test_todo(): pass\n```")),
            5,
            10_000);
    TaskAssignment assignment = assignment("task_1", Map.of());

    agent.execute(assignment);

    assertThat(server.exchanges().get(1).call().last().text())
        .isEqualTo(
            "Your reply was cut off at the output limit. Written so far: src/todo/models.py."
                + " Continue with the files that are still missing, one at a time.");
    assertThat(read(assignment.workspace(), "tests/test_models.py"))
        .isEqualTo("def test_todo(): pass\n");
    assertThat(assignment.workspace().files())
        .containsExactly("src/todo/models.py", "tests/test_models.py");
  }

  @Test
  void fails_without_retry_when_the_turns_run_out() throws Exception {
    LlmAgent agent =
        new LlmAgent(
            client(Dialect.ANTHROPIC, call -> Reply.tools(ToolCall.listFiles())), 3, 10_000);

    assertThatThrownBy(() -> agent.execute(assignment("task_1", Map.of())))
        .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessage(
            "task_1 did not finish within 3 model turns (0 files written); raise --max-turns or split the task");
    assertThat(server.exchanges()).hasSize(3);
  }

  @Test
  void asks_for_files_when_the_model_finishes_without_any() throws Exception {
    LlmAgent agent =
        new LlmAgent(
            client(
                Dialect.ANTHROPIC,
                call ->
                    call.assistantTurns() == 0
                        ? Reply.tools(ToolCall.finish("nothing to do"))
                        : TodoScript.taskOneAfterNudge(call)),
            5,
            10_000);
    TaskAssignment assignment = assignment("task_1", Map.of());

    agent.execute(assignment);

    assertThat(server.exchanges().get(1).call().last().text())
        .startsWith("No file was written yet.");
    assertThat(assignment.workspace().files()).contains("src/todo/models.py");
  }

  @Test
  void falls_back_to_code_blocks_when_the_server_refuses_tools() throws Exception {
    LlmAgent agent =
        new LlmAgent(
            client(
                Dialect.OPENAI,
                call ->
                    call.tools().isEmpty()
                        ? Reply.text("```python path=src/todo/models.py\nclass Todo: pass\n```")
                        : Reply.error(
                            400, "invalid_request_error", "llama3 does not support tools")),
            5,
            10_000);
    TaskAssignment assignment = assignment("task_1", Map.of());

    AgentResult result = agent.execute(assignment);

    assertThat(result.details()).containsEntry("mode", "text");
    assertThat(server.exchanges().get(1).call().firstUserText())
        .contains("```python path=src/app.py");
    assertThat(assignment.workspace().files()).containsExactly("src/todo/models.py");
  }

  @Test
  void a_provider_rejection_fails_the_task_for_good_and_an_outage_may_be_retried()
      throws Exception {
    LlmAgent rejected =
        new LlmAgent(
            client(
                Dialect.ANTHROPIC,
                call -> Reply.error(404, "not_found_error", "model: test-model")),
            5,
            0);
    assertThatThrownBy(() -> rejected.execute(assignment("task_1", Map.of())))
        .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("knows no model \"test-model\"");
    server.close();

    LlmAgent overloaded = new LlmAgent(client(Dialect.ANTHROPIC, call -> Reply.overloaded()), 5, 0);
    assertThatThrownBy(() -> overloaded.execute(assignment("task_1", Map.of())))
        .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining(
            "is overloaded (529 overloaded_error: Overloaded) (after 3 attempts)");
  }
}
