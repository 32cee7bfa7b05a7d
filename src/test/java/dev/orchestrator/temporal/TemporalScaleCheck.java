package dev.orchestrator.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.run.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan past one workflow history's reach on the test server with three worker JVMs, measured for
 * the README, files through {@code --artifact-dir}. Minutes long, so it runs only when asked:
 * {@code mvn -B test -Dtest=TemporalScaleCheck -Dscale.tasks=5000}.
 */
@Timeout(3600)
class TemporalScaleCheck {

  @TempDir Path temp;

  @Test
  void a_plan_past_one_history_completes_every_task_once() throws Exception {
    String tasks = System.getProperty("scale.tasks");
    Assumptions.assumeTrue(tasks != null, "give -Dscale.tasks=N to measure");
    int size = Integer.parseInt(tasks);
    int budget = Integer.getInteger("scale.budget", 6);
    String delay = System.getProperty("scale.delay", "10ms");
    // Without it, a layered plan's files still needed at a hand-over soon pass one payload.
    Path artifacts = temp.resolve("artifacts");
    try (Workers server = Workers.startServer(temp)) {
      for (String name : List.of("w1", "w2", "w3")) {
        server.start(
            name,
            "scale",
            "-m",
            "2",
            "--simulate-delay",
            delay,
            "--artifact-dir",
            artifacts.toString());
      }
      Path plan = temp.resolve("plan.json");
      PlanJson.write(Plans.layered(size, 7).withExecutorBudget(budget), plan);
      Path run = temp.resolve("run");

      long started = System.nanoTime();
      TemporalEngineTest.Outcome outcome =
          TemporalEngineTest.cli(
              "run",
              "--plan",
              plan,
              "-o",
              run,
              "--temporal",
              server.target(),
              "--task-queue",
              "scale",
              "--artifact-dir",
              artifacts,
              "--no-verify");
      double seconds = (System.nanoTime() - started) / 1e9;

      assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isZero();
      assertThat(TemporalEngineTest.completions(run))
          .hasSize(size)
          .allSatisfy((task, count) -> assertThat(count).as(task).isOne());
      JsonNode record = Json.mapper().readTree(run.resolve(".orchestrator/temporal.json").toFile());
      List<long[]> chain = server.chain(record.path("workflow_id").asText());
      System.out.printf(
          "%d tasks, M=%d, 3 workers x 2, %s tasks, --artifact-dir: %.1f s, %d runs, plan %d bytes%n",
          size, budget, delay, seconds, chain.size(), Files.size(plan));
      for (int k = 0; k < chain.size(); k++) {
        System.out.printf(
            "  run %d: %d events, %.1f MB of history, input %d bytes%n",
            k + 1, chain.get(k)[0], chain.get(k)[1] / 1e6, chain.get(k)[2]);
      }
      System.out.printf(
          "  peak concurrency %d%n",
          TemporalEngineTest.peakConcurrency(TemporalEngineTest.summary(run)));
      assertThat(chain.size()).isGreaterThan(1);
    }
  }
}
