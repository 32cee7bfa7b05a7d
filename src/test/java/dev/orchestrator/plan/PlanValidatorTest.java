package dev.orchestrator.plan;

import static dev.orchestrator.plan.PlanFixture.plan;
import static dev.orchestrator.plan.PlanFixture.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks the plan records directly; {@link PlanJsonTest} covers what a plan file can get wrong. */
class PlanValidatorTest {

  @Test
  @DisplayName("a valid plan is returned as it is")
  void valid() {
    Plan plan = plan().with("task_1").with("task_2", "task_1").build();

    assertThat(PlanValidator.problems(plan)).isEmpty();
    assertThat(PlanValidator.requireValid(plan, "planner")).isSameAs(plan);
  }

  @Test
  @DisplayName("an invalid plan is rejected with its source and every problem")
  void invalid() {
    Plan plan =
        plan()
            .with(task("task_1", Duration.ofMinutes(-5)))
            .with(new Task("task_2", " ", "", 3, Effort.LOW, Duration.ZERO, List.of(), List.of()))
            .build();

    assertThatThrownBy(() -> PlanValidator.requireValid(plan, "planner"))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessage(
            "invalid plan (planner), 2 problems:\n"
                + "  - task_1 has a negative estimated_duration; use e.g. \"30min\"\n"
                + "  - task_2 has an empty name; give it a short name");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        ".git/hooks/pre-commit | which is under .git, git's own directory",
        "src/.git/config       | which is under .git, git's own directory",
        ".GIT/config           | which is under .git, git's own directory",
        ".g?t/hooks/**         | which is under .git, git's own directory",
        ".gi[tT]/config        | which is under .git, git's own directory",
        "../x                  | which leads out of the project with '..'",
        "/etc/passwd           | which is not relative to the project"
      })
  @DisplayName("a claim under .git or outside the project is refused, saying why")
  void claims_outside_the_project(String claim, String why) {
    Plan plan = plan().with(task("task_1", Duration.ofMinutes(30), claim)).build();

    assertThat(PlanValidator.problems(plan))
        .containsExactly(
            "task_1 claims \""
                + claim
                + "\" in files, "
                + why
                + "; claim paths inside the project, relative to it, with '/', e.g."
                + " src/api/** or README.md");
  }

  @ParameterizedTest
  @ValueSource(strings = {".gitignore", ".github/workflows/ci.yml", "**", "src/*", "docs/.gitkeep"})
  @DisplayName("files whose names only start like .git, and wide globs, are fine")
  void claims_near_git(String claim) {
    Plan plan = plan().with(task("task_1", Duration.ofMinutes(30), claim)).build();

    assertThat(PlanValidator.problems(plan)).isEmpty();
  }

  @Test
  @DisplayName("a task without an id is named by its position")
  void blank_id() {
    Plan plan = plan().with("task_1").with(task(" ")).build();

    assertThat(PlanValidator.problems(plan))
        .containsExactly("task #2 has an empty id; give it a unique id such as task_2");
  }

  @Test
  @DisplayName("a plan without tasks or executors is rejected")
  void empty_plan() {
    Plan plan = plan().build().withExecutorBudget(0);

    assertThat(PlanValidator.problems(plan))
        .containsExactly(
            "the plan has no tasks; add at least one task",
            "executor_budget is 0; use 1 or more executors");
  }

  @Test
  @DisplayName("a cycle is looked for only once ids and dependencies are sound")
  void no_cycle_search_on_unknown_ids() {
    Plan plan =
        new Plan(
            "r",
            new Complexity(10, "", List.of(), List.of()),
            1,
            Plan.TASK_QUEUE,
            List.of(task("task_1"), task("task_2")),
            Map.of("task_1", List.of("task_2"), "task_2", List.of("task_1", "task_3")),
            "",
            "",
            null);

    assertThat(PlanValidator.problems(plan))
        .containsExactly(
            "task_2 depends on task_3, which is not in the plan; add task_3 or remove the"
                + " dependency");
  }
}
