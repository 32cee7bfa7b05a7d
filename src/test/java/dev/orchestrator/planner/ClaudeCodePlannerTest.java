package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.OrchestratorException;
import dev.orchestrator.Secrets;
import dev.orchestrator.UsageException;
import dev.orchestrator.agent.FakeClaude;
import dev.orchestrator.plan.InvalidPlanException;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import dev.orchestrator.planner.repository.RepositoryMap;
import dev.orchestrator.process.AgentProcess;
import dev.orchestrator.process.ClaudeCode;
import dev.orchestrator.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Claude Code as planner, against a fake {@code claude}. */
@Timeout(60)
class ClaudeCodePlannerTest {

  static final String TODO = "Build a todo list app with backend API and frontend UI";
  static final String CYCLE =
      FakeClaude.PLAN.replace("\"task_2\": [\"task_1\"]", "\"task_2\": [\"task_1\", \"task_4\"]");

  @TempDir Path bin;

  ClaudeCodePlanner planner() {
    Map<String, String> environment = FakeClaude.environment(bin);
    return new ClaudeCodePlanner(
        new ClaudeCode(
            AgentProcess.locate("claude", environment, ClaudeCode.INSTALL_HINT),
            environment,
            "opus",
            5,
            false,
            List.of(),
            false,
            Secrets.none(),
            usage -> {},
            Sandbox.none()));
  }

  @Test
  void plans_in_two_steps_complexity_analysis_then_tasks_with_dependencies_and_files()
      throws Exception {
    FakeClaude.install(bin);

    Plan plan = planner().plan(TODO, 3);

    assertThat(plan.requirements()).isEqualTo(TODO);
    assertThat(plan.executorBudget()).isEqualTo(3);
    assertThat(plan.complexity().score()).isEqualTo(35);
    assertThat(plan.tasks())
        .extracting(Task::id)
        .containsExactly("task_1", "task_2", "task_3", "task_4");
    assertThat(plan.tasks().get(1).files()).containsExactly("src/api/**");
    assertThat(plan.dependenciesOf("task_4")).containsExactly("task_2", "task_3");
    assertThat(plan.notes()).contains("Planned by Claude Code.");
    assertThat(FakeClaude.prompt(bin, "analysis-0"))
        .contains("# Complexity analysis", TODO, "num_tasks");
    assertThat(FakeClaude.prompt(bin, "plan-0"))
        .contains("# Plan", "Complexity: 35/100 (moderate)", "4 tasks");
  }

  @Test
  void asks_headless_for_text_only_with_the_planners_system_prompt_and_no_tools() throws Exception {
    FakeClaude.install(bin);

    planner().plan(TODO, 3);

    assertThat(FakeClaude.arguments(bin, "analysis-0"))
        .containsSubsequence("-p", "--output-format", "stream-json", "--verbose")
        .containsSubsequence("--model", "opus")
        .containsSubsequence(
            "--tools",
            "",
            "--system-prompt",
            PlanningPrompts.SYSTEM.lines().findFirst().orElseThrow())
        .doesNotContain("--max-turns", "--permission-mode", "--dangerously-skip-permissions");
  }

  @Test
  void with_a_repository_both_prompts_quote_its_map_under_the_repository_system_prompt(
      @TempDir Path root) throws Exception {
    FakeClaude.install(bin);
    RepositoryMap map = LlmPlannerTest.pythonRepository(root);

    planner().plan(TODO, 3, map);

    assertThat(FakeClaude.prompt(bin, "analysis-0")).contains(map.render());
    assertThat(FakeClaude.prompt(bin, "plan-0")).contains(map.render());
    assertThat(FakeClaude.arguments(bin, "plan-0"))
        .containsSubsequence(
            "--system-prompt", PlanningPrompts.REPOSITORY_SYSTEM.lines().findFirst().orElseThrow());
  }

  @Test
  void an_invalid_plan_is_sent_back_with_its_problems_and_the_corrected_one_is_used()
      throws Exception {
    FakeClaude.install(
        bin, Map.of("analysis-0", FakeClaude.ANALYSIS, "plan-0", CYCLE, "plan-1", FakeClaude.PLAN));

    Plan plan = planner().plan(TODO, 3);

    assertThat(plan.dependenciesOf("task_2")).containsExactly("task_1");
    assertThat(FakeClaude.prompt(bin, "plan-1"))
        .contains("# Plan", "Your previous reply:", "\"task_4\"]", "cannot be used", "cycle");
  }

  @Test
  void a_reply_without_json_is_sent_back_saying_so() throws Exception {
    FakeClaude.install(
        bin,
        Map.of(
            "analysis-0",
            "I think it is moderate.",
            "analysis-1",
            FakeClaude.ANALYSIS,
            "plan-0",
            FakeClaude.PLAN));

    planner().plan(TODO, 3);

    assertThat(FakeClaude.prompt(bin, "analysis-1")).contains("the reply contains no JSON object");
  }

  @Test
  void a_plan_still_invalid_after_two_repair_rounds_fails_with_the_problems_as_a_usage_error()
      throws Exception {
    FakeClaude.install(bin, Map.of("analysis-0", FakeClaude.ANALYSIS, "plan-0", CYCLE));

    assertThatThrownBy(() -> planner().plan(TODO, 3))
        .isInstanceOf(InvalidPlanException.class)
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("Claude Code planner, plan, still wrong after 2 repair rounds")
        .hasMessageContaining("cycle")
        .hasMessageContaining("--planner heuristic");
    assertThat(bin.resolve("plan-2.prompt")).exists();
    assertThat(bin.resolve("plan-3.prompt")).doesNotExist();
  }

  @Test
  void a_claude_error_fails_planning_with_claudes_message_as_a_failed_run_not_bad_usage()
      throws Exception {
    Path script = bin.resolve("claude");
    Files.writeString(
        script,
        "#!/bin/bash\ncat > /dev/null\necho '{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":true,"
            + "\"result\":\"Not logged in · Please run /login\"}'\nexit 1\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

    assertThatThrownBy(() -> planner().plan(TODO, 3))
        .isInstanceOf(OrchestratorException.class)
        .isNotInstanceOf(UsageException.class)
        .hasMessageContaining(
            "planning with Claude Code failed: claude reported an error: Not logged in");
  }
}
