package dev.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.agent.AgentResult;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.plan.TaskStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listener observes a run and never changes its outcome (JUnit's {@code TestWatcher} contract):
 * what it throws is logged, the run goes on, and every other listener still hears every event.
 */
@Timeout(30)
class ListenerIsolationTest {

  @TempDir Path temp;

  private static RunListener throwingOnCompletion() {
    return event -> {
      if (event instanceof RunEvent.TaskCompleted || event instanceof RunEvent.RunFinished) {
        throw new IllegalStateException("the host's dashboard is down");
      }
    };
  }

  @Test
  void a_listener_that_throws_still_gets_the_run_its_summary_report_and_run_finished()
      throws Exception {
    Path out = temp.resolve("out");
    List<RunEvent> heard = new CopyOnWriteArrayList<>();

    RunOutcome outcome =
        Orchestrator.builder()
            .maxExecutors(2)
            .outputDirectory(out)
            .listener(throwingOnCompletion().andThen(heard::add))
            .agents(
                executor ->
                    assignment -> {
                      assignment
                          .workspace()
                          .write("src/" + assignment.task().id() + ".py", "x = 1\n");
                      return AgentResult.of("ok");
                    })
            .build()
            .execute(OrchestratorTest.chainAndLoner());

    assertThat(outcome.record().results())
        .extracting(TaskResult::status)
        .containsOnly(TaskStatus.COMPLETED);
    assertThat(out.resolve(".orchestrator/journal.jsonl")).content().contains("\"run_finished\"");
    assertThat(out.resolve("execution_summary.json")).exists();
    assertThat(out.resolve("report.html")).exists();
    assertThat(heard)
        .as("the second listener hears every event the first one threw on")
        .filteredOn(RunEvent.TaskCompleted.class::isInstance)
        .hasSize(4);
    assertThat(heard.get(heard.size() - 1)).isInstanceOf(RunEvent.RunFinished.class);
  }

  @Test
  void and_then_passes_the_event_to_the_second_listener_when_the_first_throws() {
    List<RunEvent> heard = new CopyOnWriteArrayList<>();
    RunListener both = throwingOnCompletion().andThen(heard::add);
    RunEvent completed =
        new RunEvent.TaskCompleted(
            Instant.EPOCH, "task_1", "Task 1", 1, java.time.Duration.ZERO, 1, null);

    both.on(completed);

    assertThat(heard).containsExactly(completed);
  }
}
