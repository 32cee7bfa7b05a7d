package dev.orchestrator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.plan.Complexity;
import dev.orchestrator.plan.Effort;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedAgentTest {

  @TempDir Path temp;

  private static Task task(List<String> files) {
    return new Task(
        "task_2",
        "Cart API",
        "REST endpoints for the cart",
        2,
        Effort.MEDIUM,
        Duration.ofHours(1),
        List.of("Add and remove items", "Totals are correct"),
        files);
  }

  private AgentResult run(Task task, TaskWorkspace workspace, List<String> progress)
      throws InterruptedException {
    Plan plan =
        new Plan(
            "Build a shop",
            new Complexity(50, "", List.of(), List.of()),
            2,
            Plan.TASK_QUEUE,
            List.of(task),
            Map.of(),
            "",
            "",
            null);
    return new SimulatedAgent(Duration.ZERO)
        .execute(
            new TaskAssignment(
                plan,
                task,
                1,
                1,
                workspace,
                Map.of(),
                (message, fraction) -> progress.add(message)));
  }

  @Test
  void writes_an_implementation_a_test_and_a_readme_inside_the_claimed_directories()
      throws Exception {
    TaskWorkspace workspace = new TaskWorkspace(temp);
    List<String> progress = new CopyOnWriteArrayList<>();

    AgentResult result = run(task(List.of("src/cart/**", "tests/cart/**")), workspace, progress);

    assertThat(workspace.files())
        .containsExactly("README.md", "src/cart/cart_api.py", "tests/cart/test_cart_api.py");
    assertThat(result.usage()).as("no model was used").isNull();
    assertThat(progress).hasSize(3);
  }

  @Test
  void marks_every_file_as_simulated_output_and_carries_the_acceptance_criteria() throws Exception {
    TaskWorkspace workspace = new TaskWorkspace(temp);

    run(task(List.of("src/cart/**", "tests/cart/**")), workspace, new CopyOnWriteArrayList<>());

    for (String file : workspace.files()) {
      assertThat(workspace.read(file)).contains(SimulatedAgent.MARK);
    }
    assertThat(workspace.read("README.md")).contains("Add and remove items", "Totals are correct");
  }

  @Test
  void writes_only_inside_the_claims_putting_tests_beside_the_source_without_a_test_claim()
      throws Exception {
    TaskWorkspace workspace = new TaskWorkspace(temp);

    run(task(List.of("src/models/**", "db/**")), workspace, new CopyOnWriteArrayList<>());

    assertThat(workspace.files())
        .containsExactly("README.md", "src/models/cart_api.py", "src/models/test_cart_api.py");
  }

  @Test
  void writes_a_document_for_a_task_that_claims_only_documentation() throws Exception {
    TaskWorkspace workspace = new TaskWorkspace(temp);

    run(task(List.of("README.md", "docs/**")), workspace, new CopyOnWriteArrayList<>());

    assertThat(workspace.files()).containsExactly("README.md", "docs/cart_api.md");
  }

  @Test
  void writes_only_a_test_for_a_task_that_claims_only_tests() throws Exception {
    TaskWorkspace workspace = new TaskWorkspace(temp);

    run(task(List.of("tests/integration/**")), workspace, new CopyOnWriteArrayList<>());

    assertThat(workspace.files())
        .containsExactly("README.md", "tests/integration/test_cart_api.py");
  }

  @Test
  void follows_the_language_the_claims_name() throws Exception {
    TaskWorkspace workspace = new TaskWorkspace(temp);

    run(task(List.of("src/web/**/*.ts")), workspace, new CopyOnWriteArrayList<>());

    assertThat(workspace.files())
        .containsExactly("README.md", "src/web/cartApi.test.ts", "src/web/cartApi.ts");
  }
}
