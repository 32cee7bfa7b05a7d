package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.llm.ApiKey;
import dev.orchestrator.llm.ModelClient;
import dev.orchestrator.llm.Provider;
import dev.orchestrator.llm.ProviderRejection;
import dev.orchestrator.llm.ProviderSettings;
import dev.orchestrator.llm.fake.Call;
import dev.orchestrator.llm.fake.FakeModelServer;
import dev.orchestrator.llm.fake.Reply;
import dev.orchestrator.llm.fake.TodoScript;
import dev.orchestrator.plan.InvalidPlanException;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.planner.repository.RepositoryMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The language-model planner against a fake Anthropic API. */
@Timeout(30)
class LlmPlannerTest {

  static final String KEY = "sk-ant-planner-test";
  static final String REQUIREMENT = TodoScript.REQUIREMENT;

  FakeModelServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  /** A planner whose model answers the analysis and each plan request in turn. */
  LlmPlanner planner(String analysis, Function<Call, Reply> planReplies) throws Exception {
    server =
        FakeModelServer.start(
            KEY,
            call ->
                call.firstUserText().startsWith("# Complexity analysis")
                    ? Reply.text(analysis)
                    : planReplies.apply(call));
    ProviderSettings settings =
        new ProviderSettings(
            Provider.ANTHROPIC,
            "claude-test",
            ProviderSettings.apiRoot(Provider.ANTHROPIC, server.url()),
            new ApiKey(KEY, "ANTHROPIC_API_KEY"),
            Duration.ofSeconds(10),
            2048);
    return new LlmPlanner(ModelClient.builder(settings).build());
  }

  static Function<Call, Reply> inTurn(Reply... replies) {
    List<Reply> queue = new ArrayList<>(List.of(replies));
    return call -> queue.remove(0);
  }

  List<String> lastUserTexts() {
    return server.exchanges().stream().map(e -> e.call().last().text()).toList();
  }

  @Test
  void analyses_then_plans_with_the_models_tasks_dependencies_and_files() throws Exception {
    Plan plan =
        planner(TodoScript.ANALYSIS, inTurn(Reply.text(TodoScript.PLAN))).plan(REQUIREMENT, 3);

    assertThat(plan.requirements()).isEqualTo(REQUIREMENT);
    assertThat(plan.complexity().score()).isEqualTo(42);
    assertThat(plan.complexity().keyFeaturesDetected()).contains("REST API");
    assertThat(plan.executorBudget()).isEqualTo(3);
    assertThat(plan.tasks())
        .extracting(t -> t.id())
        .containsExactly("task_1", "task_2", "task_3", "task_4");
    assertThat(plan.tasks().get(2).files()).containsExactly("src/web/**");
    assertThat(plan.dependenciesOf("task_4")).containsExactly("task_2", "task_3");
    assertThat(plan.notes())
        .startsWith("Python 3.11, FastAPI")
        .endsWith("Planned by claude-test (anthropic).");
    assertThat(server.exchanges()).hasSize(2);
  }

  @Test
  void tells_the_model_the_band_table_in_the_analysis_request() throws Exception {
    planner(TodoScript.ANALYSIS, inTurn(Reply.text(TodoScript.PLAN))).plan(REQUIREMENT, 3);

    assertThat(server.exchanges().get(0).call().firstUserText())
        .contains("- 0 to 24, simple: 1 to 3 tasks")
        .contains("- 75 to 100, very complex: 16 or more tasks");
  }

  @Test
  void asks_for_a_contract_first_plan_and_says_why() throws Exception {
    planner(TodoScript.ANALYSIS, inTurn(Reply.text(TodoScript.PLAN))).plan(REQUIREMENT, 3);

    assertThat(server.exchanges().get(1).call().firstUserText())
        .contains("contract first", "fixes what they share", "built at the same time")
        .contains("lets 3 executors work at once")
        .contains("unit tests may be a task of their own that waits only for that part")
        .contains("group related features into one task");
  }

  @Test
  void ignores_fields_a_reply_adds_instead_of_asking_again() throws Exception {
    String chatty =
        TodoScript.PLAN
            .replaceFirst("\\{\"tasks\"", "{\"summary\": \"four tasks\", \"tasks\"")
            .replaceFirst(
                "\"id\": \"task_2\"", "\"reasoning\": \"after the model\", \"id\": \"task_2\"");
    assertThat(chatty).contains("\"summary\"", "\"reasoning\"");

    Plan plan = planner(TodoScript.ANALYSIS, inTurn(Reply.text(chatty))).plan(REQUIREMENT, 3);

    assertThat(plan.tasks()).hasSize(4);
    assertThat(server.exchanges()).hasSize(2);
  }

  @Test
  void repairs_an_invalid_plan_by_quoting_the_validators_problems() throws Exception {
    String cyclic =
        TodoScript.PLAN.replace(
            "\"task_2\": [\"task_1\"]",
            "\"task_1\": [\"task_4\"], \"task_2\": [\"task_1\", \"task_9\"]");
    Plan plan =
        planner(TodoScript.ANALYSIS, inTurn(Reply.text(cyclic), Reply.text(TodoScript.PLAN)))
            .plan(REQUIREMENT, 3);

    assertThat(plan.tasks()).hasSize(4);
    String repair = lastUserTexts().get(2);
    assertThat(repair)
        .startsWith("Your reply cannot be used:")
        .contains(
            "task_2 depends on task_9, which is not in the plan; add task_9 or remove the dependency")
        .endsWith("Reply again with the whole corrected JSON object only.");
  }

  @Test
  void repairs_a_reply_that_is_not_json() throws Exception {
    planner(
            TodoScript.ANALYSIS,
            inTurn(Reply.text("Sure! Here is the plan: {tasks: [}"), Reply.text(TodoScript.PLAN)))
        .plan(REQUIREMENT, 3);

    assertThat(lastUserTexts().get(2)).contains("the reply is not valid JSON at line 1");
  }

  @Test
  void repairs_an_analysis_whose_task_count_is_outside_its_band() throws Exception {
    String tooFew = TodoScript.ANALYSIS.replace("\"num_tasks\": 4", "\"num_tasks\": 2");
    List<String> analyses = new ArrayList<>(List.of(tooFew, TodoScript.ANALYSIS));
    server =
        FakeModelServer.start(
            KEY,
            call ->
                call.firstUserText().startsWith("# Complexity analysis")
                    ? Reply.text(analyses.remove(0))
                    : Reply.text(TodoScript.PLAN));
    LlmPlanner planner =
        new LlmPlanner(
            ModelClient.builder(
                    new ProviderSettings(
                        Provider.ANTHROPIC,
                        "claude-test",
                        ProviderSettings.apiRoot(Provider.ANTHROPIC, server.url()),
                        new ApiKey(KEY, "ANTHROPIC_API_KEY"),
                        Duration.ofSeconds(10),
                        2048))
                .build());

    assertThat(planner.plan(REQUIREMENT, 3).tasks()).hasSize(4);
    assertThat(lastUserTexts().get(1))
        .contains("num_tasks is 2, but a score of 42 is moderate, which has 4 to 8 tasks");
  }

  @Test
  void asks_again_for_a_shorter_reply_when_one_was_cut_at_the_output_limit() throws Exception {
    planner(
            TodoScript.ANALYSIS,
            inTurn(Reply.cut(TodoScript.PLAN.substring(0, 200)), Reply.text(TodoScript.PLAN)))
        .plan(REQUIREMENT, 3);

    assertThat(lastUserTexts().get(2)).contains("cut off at the limit of 2048 output tokens");
  }

  @Test
  void gives_up_after_two_repair_rounds_with_the_last_problems() throws Exception {
    String noCriteria = TodoScript.PLAN.replaceFirst("\"acceptance_criteria\": \\[[^]]*\\],", "");
    LlmPlanner planner = planner(TodoScript.ANALYSIS, call -> Reply.text(noCriteria));

    assertThatThrownBy(() -> planner.plan(REQUIREMENT, 3))
        .isInstanceOf(UnusablePlanReply.class)
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("language-model planner, plan, still wrong after 2 repair rounds")
        .hasMessageContaining("task_1 is missing the field \"acceptance_criteria\"");
    assertThat(server.exchanges()).hasSize(1 + 1 + LlmPlanner.MAX_REPAIRS);
  }

  @Test
  void the_problems_it_quotes_are_those_of_the_plan_file_validator() throws Exception {
    String selfDependent =
        TodoScript.PLAN.replace("\"task_2\": [\"task_1\"]", "\"task_2\": [\"task_2\"]");
    LlmPlanner planner = planner(TodoScript.ANALYSIS, call -> Reply.text(selfDependent));

    assertThatThrownBy(() -> planner.plan(REQUIREMENT, 3))
        .isInstanceOfSatisfying(
            InvalidPlanException.class,
            e ->
                assertThat(e.problems())
                    .contains("task_2 depends on itself; remove task_2 from its own dependencies"));
  }

  @Test
  void a_rejected_key_is_a_configuration_error() throws Exception {
    planner(TodoScript.ANALYSIS, inTurn());
    LlmPlanner planner =
        new LlmPlanner(
            ModelClient.builder(
                    new ProviderSettings(
                        Provider.ANTHROPIC,
                        "claude-test",
                        ProviderSettings.apiRoot(Provider.ANTHROPIC, server.url()),
                        new ApiKey("sk-ant-wrong", "ANTHROPIC_API_KEY"),
                        Duration.ofSeconds(10),
                        2048))
                .build());

    assertThatThrownBy(() -> planner.plan(REQUIREMENT, 3))
        .isInstanceOf(ProviderRejection.class)
        .hasMessageContaining("rejected the key (401")
        .hasMessageNotContaining("sk-ant-wrong");
  }

  static RepositoryMap pythonRepository(Path root) throws IOException {
    Files.createDirectories(root.resolve("src/todo"));
    Files.writeString(root.resolve("pyproject.toml"), "[tool.pytest.ini_options]\n");
    Files.writeString(root.resolve("src/todo/__init__.py"), "");
    return RepositoryMap.read(root, List.of("pyproject.toml", "src/todo/__init__.py"));
  }

  @Test
  void without_a_repository_it_sends_the_new_project_prompts() throws Exception {
    planner(TodoScript.ANALYSIS, inTurn(Reply.text(TodoScript.PLAN))).plan(REQUIREMENT, 3);

    assertThat(server.exchanges().get(0).call().system()).isEqualTo(PlanningPrompts.SYSTEM);
    assertThat(server.exchanges().get(0).call().firstUserText())
        .isEqualTo(PlanningPrompts.analysis(REQUIREMENT, 3, null));
  }

  @Test
  void with_a_repository_both_steps_carry_its_map(@TempDir Path root) throws Exception {
    RepositoryMap map = pythonRepository(root);

    Plan plan =
        planner(TodoScript.ANALYSIS, inTurn(Reply.text(TodoScript.PLAN))).plan(REQUIREMENT, 3, map);

    assertThat(plan.tasks()).hasSize(4);
    assertThat(server.exchanges())
        .allSatisfy(
            e -> {
              assertThat(e.call().system()).isEqualTo(PlanningPrompts.REPOSITORY_SYSTEM);
              assertThat(e.call().firstUserText()).contains(map.render());
            });
  }

  @Test
  void a_plan_that_claims_a_git_hook_is_sent_back_with_the_reason(@TempDir Path root)
      throws Exception {
    String hook = TodoScript.PLAN.replace("\"docs/**\"", "\".git/hooks/pre-commit\"");

    planner(TodoScript.ANALYSIS, inTurn(Reply.text(hook), Reply.text(TodoScript.PLAN)))
        .plan(REQUIREMENT, 3, pythonRepository(root));

    assertThat(lastUserTexts().get(2))
        .contains(
            "task_4 claims \".git/hooks/pre-commit\" in files, which is under .git, git's own"
                + " directory");
  }

  @Test
  void a_model_that_keeps_claiming_paths_outside_the_repository_fails_the_planning(
      @TempDir Path root) throws Exception {
    String outside =
        TodoScript.PLAN
            .replace("\"docs/**\"", "\"../x\"")
            .replace("\"src/web/**\"", "\".git/hooks/pre-commit\"");
    LlmPlanner planner = planner(TodoScript.ANALYSIS, call -> Reply.text(outside));
    RepositoryMap map = pythonRepository(root);

    assertThatThrownBy(() -> planner.plan(REQUIREMENT, 3, map))
        .isInstanceOf(UnusablePlanReply.class)
        .hasMessageContaining("still wrong after 2 repair rounds")
        .hasMessageContaining(
            "task_3 claims \".git/hooks/pre-commit\" in files, which is under .git, git's own"
                + " directory")
        .hasMessageContaining(
            "task_4 claims \"../x\" in files, which leads out of the project with '..'");
  }
}
