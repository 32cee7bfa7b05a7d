package dev.orchestrator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanReaderTest {

  /** A valid plan with the fields models like to add: at the top, in complexity, in a task. */
  private static String chattyPlan() {
    Plan plan = PlanFixture.plan().with("task_1").with("task_2", "task_1").build();
    ObjectNode tree;
    try {
      tree = (ObjectNode) Json.mapper().readTree(PlanJson.write(plan));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    tree.put("summary", "two tasks");
    ((ObjectNode) tree.get("complexity")).put("confidence", 0.8);
    ((ObjectNode) tree.get("tasks").get(1)).put("reasoning", "needs task_1's model");
    return tree.toString();
  }

  @Test
  void a_strict_reader_rejects_every_unknown_field_by_name() {
    assertThatThrownBy(() -> PlanReader.strict().parse(chattyPlan(), "plan.json"))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("the plan has an unknown field \"summary\"")
        .hasMessageContaining("complexity has an unknown field \"confidence\"")
        .hasMessageContaining("task_2 has an unknown field \"reasoning\"");
  }

  @Test
  void a_lenient_reader_skips_unknown_fields_and_reports_each() {
    List<String> ignored = new ArrayList<>();

    Plan plan = PlanReader.lenient(ignored::add).parse(chattyPlan(), "reply");

    assertThat(plan.tasks()).hasSize(2);
    assertThat(ignored)
        .containsExactly(
            "the plan: \"summary\"", "complexity: \"confidence\"", "task_2: \"reasoning\"");
  }

  @Test
  void a_lenient_reader_still_rejects_what_is_wrong() {
    String cyclic =
        PlanJson.write(
            PlanFixture.plan().with("task_1", "task_2").with("task_2", "task_1").build());

    assertThatThrownBy(() -> PlanReader.lenient(f -> {}).parse(cyclic, "reply"))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("cycle");
  }
}
