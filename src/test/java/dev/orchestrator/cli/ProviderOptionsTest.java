package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliRun.args;
import static dev.orchestrator.cli.CliRun.run;
import static dev.orchestrator.cli.CliTest.TODO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.cli.CliRun.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The typed options that choose planner, executors and model, as a user meets them. */
@Timeout(60)
class ProviderOptionsTest {

  @TempDir Path temp;

  @Test
  void an_unknown_planner_exits_2_listing_the_known_ones() {
    Result result = run(args("plan", TODO, "--planner", "oracle", "-o", temp.resolve("o")));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            "--planner", "oracle", "\"oracle\" is not known; use heuristic, llm or claude-code");
    assertThat(temp.resolve("o")).doesNotExist();
  }

  @Test
  void an_unknown_executor_exits_2_listing_the_known_ones() {
    Result result = run(args(TODO, "--executor", "robot", "-o", temp.resolve("o")));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("robot", "use simulated, llm, claude-code or command");
  }

  @Test
  void an_unknown_provider_exits_2_naming_the_known_ones() {
    Result result = run(args(TODO, "--provider", "mistral", "-o", temp.resolve("o")));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("mistral", "anthropic or openai");
  }

  @Test
  void kinds_are_read_whatever_their_case() {
    Result result =
        run(
            args(
                TODO,
                "--planner",
                "HEURISTIC",
                "--executor",
                "Simulated",
                "--simulate-delay",
                "0ms",
                "--no-verify",
                "-o",
                temp.resolve("o")));

    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  @Test
  void simulate_delay_and_simulate_scale_together_exit_2() {
    Result result =
        run(
            args(
                TODO,
                "--simulate-delay",
                "0ms",
                "--simulate-scale",
                "1ms",
                "-o",
                temp.resolve("o")));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--simulate-delay", "--simulate-scale", "mutually exclusive");
    assertThat(temp.resolve("o")).doesNotExist();
  }

  @Test
  void simulate_scale_alone_runs() {
    Result result = run(args(TODO, "-m", 4, "--simulate-scale", "1ms", "-o", temp.resolve("o")));

    assertThat(result.exitCode()).as(result.err()).isZero();
  }
}
