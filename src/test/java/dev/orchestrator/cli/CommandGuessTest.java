package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandGuessTest {

  static final List<String> COMMANDS =
      List.of("plan", "run", "resume", "simulate", "demo", "report", "completion", "help");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "pln|Build a todo app, plan",
    "palns, ",
    "rnu|x, run",
    "simulat|--plan, simulate",
    "hepl, help",
    "verison, --version",
    "generate-completion, completion",
    "fun|game|with|levels, run",
    "Fun game with levels, ",
    "calculator, ",
    "Build|a|todo|app, ",
    "build-a-report-tool|with|charts, ",
  })
  void takes_for_a_typo_only_a_first_word_one_edit_from_a_command_or_a_lone_word_naming_one(
      String words, String expected) {
    assertThat(CommandGuess.of(Arrays.asList(words.split("\\|")), COMMANDS).orElse(null))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({"plan, plan, 0", "pln, plan, 1", "palns, plan, 2", "rnu, run, 1", "'', run, 3"})
  void counts_insertions_deletions_substitutions_and_swaps_as_one_edit_each(
      String a, String b, int edits) {
    assertThat(CommandGuess.distance(a, b)).isEqualTo(edits);
  }
}
