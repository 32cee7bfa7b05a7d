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

/** Mistakes on the command line: one line saying what is wrong, where the help is, exit 2. */
@Timeout(60)
class MistakesTest {

  @TempDir Path temp;

  @Test
  void a_value_of_the_wrong_type_prints_one_error_line_and_where_the_help_is() {
    Result result = run(args(TODO, "-m", "abc", "-o", temp.resolve("o")));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines())
        .containsExactly(
            "error: Invalid value for option '--max-executors': 'abc' is not an int",
            "see 'orchestrator --help'");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void a_missing_required_option_names_the_subcommands_help() {
    Result result = run("run");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("Missing required option: '--plan=FILE'", "see 'orchestrator run --help'")
        .doesNotContain("Usage:");
  }

  @Test
  void a_bad_duration_says_how_to_write_one() {
    Result result = run(args(TODO, "--task-timeout", "banana"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("\"banana\" is not a duration; use e.g. 300ms")
        .hasLineCount(2);
  }

  @Test
  void a_mistyped_option_gets_suggestions() {
    Result result = run(args(TODO, "--max-executor", "2"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Unknown option: '--max-executor'", "--max-executors");
  }

  @Test
  void a_first_word_one_edit_from_a_command_is_an_error_that_names_the_command_and_runs_nothing() {
    Result result = run(args("pln", TODO, "-o", temp.resolve("o")));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("\"pln\" is not a command; did you mean: orchestrator plan?");
    assertThat(temp.resolve("o")).doesNotExist();
  }

  @Test
  void a_one_word_requirement_that_names_an_option_is_an_error() {
    Result result = run(args("verison", "-o", temp.resolve("o")));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("did you mean: orchestrator --version?");
    assertThat(temp.resolve("o")).doesNotExist();
  }

  @Test
  void a_quoted_requirement_that_starts_like_a_command_runs() {
    Result result =
        run(args("Fun game with levels", "-o", temp.resolve("o"), "--simulate-delay", "0ms"));

    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  @Test
  void help_is_a_command_too() {
    Result result = run("help", "plan");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Usage: orchestrator plan");
  }
}
