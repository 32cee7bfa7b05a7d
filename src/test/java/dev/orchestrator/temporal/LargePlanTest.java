package dev.orchestrator.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan near the payload limit on three worker JVMs that all take their first tasks at once: what
 * the workers ask of the workflow travels inside its workflow tasks' replies, which gRPC caps at 4
 * MB, so it must stay small whatever the plan's size.
 */
@Timeout(240)
class LargePlanTest {

  @TempDir Path temp;

  @Test
  void a_plan_of_nearly_two_megabytes_completes_on_three_workers_starting_together()
      throws Exception {
    Plan plan = withLongDescriptions(TemporalEngineTest.layered(60, 6), 27_000);
    Path planFile = temp.resolve("plan.json");
    PlanJson.write(plan, planFile);
    assertThat(Files.size(planFile)).isGreaterThan(1_500_000);
    try (Workers server = Workers.startServer(temp)) {
      for (String name : List.of("w1", "w2", "w3")) {
        server.start(name, "large", "-m", "2", "--simulate-delay", "0ms");
      }
      Path run = temp.resolve("run");

      TemporalEngineTest.Outcome outcome =
          TemporalEngineTest.cli(
              "run",
              "--plan",
              planFile,
              "-o",
              run,
              "--temporal",
              server.target(),
              "--task-queue",
              "large",
              "--no-verify");

      assertThat(outcome.exitCode())
          .as(outcome.out() + outcome.err() + server.log("w1") + server.log("w2"))
          .isZero();
      assertThat(TemporalEngineTest.completions(run))
          .hasSize(60)
          .allSatisfy((task, count) -> assertThat(count).as(task).isOne());
      for (String name : List.of("w1", "w2", "w3")) {
        assertThat(server.log(name)).doesNotContain("RESOURCE_EXHAUSTED");
      }
    }
  }

  /** The plan with each task's description {@code length} characters long. */
  static Plan withLongDescriptions(Plan plan, int length) {
    List<Task> tasks =
        plan.tasks().stream()
            .map(
                t ->
                    new Task(
                        t.id(),
                        t.name(),
                        (t.description() + " ").repeat(length / (t.description().length() + 1)),
                        t.priority(),
                        t.estimatedEffort(),
                        t.estimatedDuration(),
                        t.acceptanceCriteria(),
                        t.files()))
            .toList();
    return new Plan(
        plan.requirements(),
        plan.complexity(),
        plan.executorBudget(),
        plan.executionModel(),
        tasks,
        plan.dependencies(),
        plan.executionStrategy(),
        plan.notes(),
        plan.forecast());
  }
}
