package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EngineOptionsTest {

  private static EngineOptions parsed(String... args) {
    EngineOptions options = new EngineOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  @Test
  void a_local_run_ends_within_the_usual_grace_after_ctrl_c() {
    assertThat(parsed().extraCancellationGrace()).isZero();
  }

  @Test
  void a_temporal_run_may_take_one_heartbeat_timeout_longer() {
    assertThat(parsed("--temporal", "localhost:7233").extraCancellationGrace())
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(
            parsed("--temporal", "localhost:7233", "--heartbeat-timeout", "30s")
                .extraCancellationGrace())
        .isEqualTo(Duration.ofSeconds(30));
  }
}
