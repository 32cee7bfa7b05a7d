package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.plan.Complexity;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskBudgetTest {

  @ParameterizedTest(name = "score {0} allows {1} to {2} tasks")
  @CsvSource({
    "0, 1, 3", "24, 1, 3",
    "25, 4, 8", "49, 4, 8",
    "50, 9, 15", "74, 9, 15",
    "75, 16, 2147483647", "100, 16, 2147483647"
  })
  void follows_the_budget_table_of_the_original_tool(int score, int min, int max) {
    TaskBudget budget = TaskBudget.of(new Complexity(score, "", List.of(), List.of()));

    assertThat(budget).isEqualTo(new TaskBudget(min, max));
  }

  @ParameterizedTest
  @CsvSource({"16, 2147483647, 16 to 20 tasks", "9, 15, 9 to 15 tasks"})
  void lowers_only_an_upper_limit_above_a_ceiling(int min, int max, String description) {
    assertThat(new TaskBudget(min, max).atMost(20).describe()).isEqualTo(description);
  }

  @ParameterizedTest
  @CsvSource({"1, 3, 1 to 3 tasks", "16, 2147483647, 16 or more tasks"})
  void describes_itself(int min, int max, String description) {
    assertThat(new TaskBudget(min, max).describe()).isEqualTo(description);
  }
}
