package dev.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import dev.orchestrator.agent.AgentResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** After a resume, makespan and utilisation count only the time the run was running. */
@Timeout(30)
class ResumedFiguresTest {

  @TempDir Path temp;
  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T10:00:00Z"));

  final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };

  private Orchestrator orchestrator(Path out) {
    return Orchestrator.builder()
        .maxExecutors(1)
        .outputDirectory(out)
        .clock(clock)
        .agents(
            executor ->
                assignment -> {
                  now.updateAndGet(t -> t.plusSeconds(10)); // each task works 10 s
                  assignment.workspace().write("src/" + assignment.task().id() + ".py", "pass\n");
                  return AgentResult.of("ok");
                })
        .build();
  }

  @Test
  void an_hour_the_run_was_down_is_neither_makespan_nor_idle_time() throws Exception {
    Path out = temp.resolve("out");
    orchestrator(out).execute(OrchestratorTest.chainAndLoner());
    // A crash before the last completion was journalled: the last record is lost.
    Path journal = out.resolve(".orchestrator/journal.jsonl");
    List<String> lines = Files.readAllLines(journal);
    int lastCompletion = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("task_completed")) {
        lastCompletion = i;
      }
    }
    Files.write(journal, lines.subList(0, lastCompletion));
    now.updateAndGet(t -> t.plus(Duration.ofHours(1)));

    orchestrator(out).resume(out);

    JsonNode summary = Json.mapper().readTree(out.resolve("execution_summary.json").toFile());
    assertThat(summary.get("sessions").asInt()).isEqualTo(2);
    // Four tasks of 10 s on one executor, one of them run again after the pause.
    assertThat(summary.get("makespan_seconds").asDouble()).isEqualTo(40.0);
    assertThat(summary.get("executor_utilisation").asDouble()).isEqualTo(1.0);
    assertThat(Files.readString(out.resolve("report.html"))).contains("over 2 sessions");
  }
}
