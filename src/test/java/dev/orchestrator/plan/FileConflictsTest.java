package dev.orchestrator.plan;

import static dev.orchestrator.plan.PlanFixture.plan;
import static dev.orchestrator.plan.PlanFixture.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FileConflictsTest {

  private static final Duration HOUR = Duration.ofHours(1);

  private static List<int[]> pairsOf(Plan plan) {
    return FileConflicts.pairs(plan, TaskGraph.of(plan));
  }

  @Test
  @DisplayName("independent tasks whose files overlap conflict")
  void overlapping_independent_tasks() {
    Plan plan =
        plan()
            .with(task("task_1", HOUR, "src/api/**"))
            .with(task("task_2", HOUR, "src/ui/**"))
            .with(task("task_3", HOUR, "src/api/routes.py"))
            .build();

    assertThat(pairsOf(plan)).containsExactly(new int[] {0, 2});
  }

  @Test
  @DisplayName("overlapping tasks that depend on each other, directly or not, do not conflict")
  void overlapping_dependent_tasks() {
    Plan plan =
        plan()
            .with(task("task_1", HOUR, "src/**"))
            .with(task("task_2", HOUR, "docs/**"), "task_1")
            .with(task("task_3", HOUR, "src/api/**"), "task_2")
            .with(task("task_4", HOUR, "src/api/x.py"), "task_3")
            .build();

    assertThat(pairsOf(plan)).isEmpty();
  }

  @Test
  @DisplayName("tasks that declare no files never conflict")
  void no_files() {
    Plan plan = plan().with("task_1").with("task_2").with(task("task_3", HOUR, "**")).build();

    assertThat(pairsOf(plan)).isEmpty();
  }

  @Test
  @DisplayName("the adjacency lists each conflict on both sides")
  void adjacency_of_a_plan() {
    Plan plan =
        plan()
            .with(task("task_1", HOUR, "README.md"))
            .with(task("task_2", HOUR, "*.md"))
            .with(task("task_3", HOUR, "src/**"))
            .with(task("task_4", HOUR, "README.md"), "task_3")
            .build();

    int[][] adjacency = FileConflicts.adjacency(plan, TaskGraph.of(plan));

    assertThat(adjacency[0]).containsExactlyInAnyOrder(1, 3);
    assertThat(adjacency[1]).containsExactlyInAnyOrder(0, 3);
    assertThat(adjacency[2]).isEmpty();
    assertThat(adjacency[3]).containsExactlyInAnyOrder(0, 1);
  }

  @Test
  @DisplayName("the adjacency of given pairs covers every task, with or without conflicts")
  void adjacency_of_pairs() {
    int[][] adjacency = FileConflicts.adjacency(4, List.of(new int[] {0, 3}, new int[] {1, 3}));

    assertThat(adjacency).hasNumberOfRows(4);
    assertThat(adjacency[0]).containsExactly(3);
    assertThat(adjacency[1]).containsExactly(3);
    assertThat(adjacency[2]).isEmpty();
    assertThat(adjacency[3]).containsExactly(0, 1);
  }
}
