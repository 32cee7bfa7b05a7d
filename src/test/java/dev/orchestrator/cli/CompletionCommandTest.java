package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliRun.run;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.cli.CliRun.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The completion script, sourced by a real bash that completes real command lines. */
@Timeout(60)
class CompletionCommandTest {

  @TempDir Path temp;

  @ParameterizedTest(name = "{0} completes to {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "orchestrator pl| plan",
        "orchestrator si| simulate",
        "orchestrator --plan| --planner",
        "orchestrator plan --planner c| claude-code",
        "'orchestrator --executor '| simulated llm claude-code command",
        "orchestrator --provider o| openai",
        "'orchestrator completion '| bash zsh",
      })
  void bash_completes_commands_options_and_their_values(String line, String expected)
      throws Exception {
    Result script = run("completion", "bash");
    assertThat(script.exitCode()).isZero();
    Path file = Files.writeString(temp.resolve("orchestrator.bash"), script.out());

    assertThat(complete(file, line)).isEqualTo(expected.strip());
  }

  @Test
  void generate_completion_is_the_same_command_by_picoclis_usual_name() {
    assertThat(run("generate-completion").out()).isEqualTo(run("completion").out());
  }

  @Test
  void the_script_sets_zsh_up_through_bashcompinit() {
    assertThat(run("completion", "zsh").out()).contains("bashcompinit");
  }

  /** What bash offers for the last word of the line. */
  private String complete(Path script, String line) throws IOException, InterruptedException {
    String words = line.endsWith(" ") ? line + "''" : line;
    String program =
        String.join(
            "\n",
            "source " + script,
            "COMP_WORDS=(" + words + ")",
            "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))",
            "COMP_LINE='" + line + "'",
            "COMP_POINT=${#COMP_LINE}",
            "_complete_orchestrator",
            "echo \"${COMPREPLY[*]}\"");
    Process bash =
        new ProcessBuilder("bash", "-c", program)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(30, SECONDS)).isTrue();
    return output.strip();
  }
}
