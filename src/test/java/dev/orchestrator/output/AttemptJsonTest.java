package dev.orchestrator.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttemptJsonTest {

  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void an_attempt_on_a_temporal_worker_keeps_the_worker() {
    Attempt attempt =
        new Attempt(
            2,
            1,
            START,
            START.plusSeconds(3),
            Attempt.Outcome.COMPLETED,
            null,
            "build-7.example:4242");
    ObjectNode node = Json.mapper().createObjectNode();

    AttemptJson.write(node, attempt);

    assertThat(node.get("worker").textValue()).isEqualTo("build-7.example:4242");
    assertThat(AttemptJson.read(node)).isEqualTo(attempt);
  }

  @Test
  void a_local_attempt_is_written_as_before_without_a_worker() {
    Attempt attempt =
        new Attempt(1, 1, START, START.plusSeconds(3), Attempt.Outcome.FAILED, "exit code 1");
    ObjectNode node = Json.mapper().createObjectNode();

    AttemptJson.write(node, attempt);

    assertThat(node.has("worker")).isFalse();
    assertThat(AttemptJson.read(node)).isEqualTo(attempt);
    assertThat(attempt.worker()).isNull();
  }
}
