package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help;

/** The help of every command lists its options in sections. */
class OptionSectionsTest {

  @Test
  void the_main_help_has_sections_and_says_where_settings_come_from() {
    String help = run("--help").out();

    assertThat(help)
        .containsSubsequence(
            "Planning:",
            "--max-executors",
            "--planner",
            "Execution:",
            "--executor",
            "--retries",
            "Language model:",
            "--provider",
            "Claude Code:",
            "--claude-binary",
            "Engine:",
            "--temporal",
            "Verification:",
            "--no-verify",
            "Output:",
            "--output-dir",
            "--quiet")
        .contains("ORCHESTRATOR_MAX_EXECUTORS=3", "./orchestrator.properties", "ANTHROPIC_API_KEY");
  }

  @Test
  void a_subcommand_shows_only_the_sections_it_has() {
    String help = run("simulate", "--help").out();

    assertThat(help).contains("Options:", "--sweep", "Output:").doesNotContain("Language model:");
  }

  @Test
  void the_command_list_shows_whole_first_sentences() {
    assertThat(run("--help").out())
        .contains("Finish an interrupted run; completed tasks", "Render report.html of a finished");
  }

  @Test
  void descriptions_break_between_words_only() {
    String help = run("--help").out();

    // Picocli's own wrapping cut these after the dot and the colon at 80 columns.
    assertThat(help).contains("gpt-4.1-mini", "localhost:7233");
    for (String line : help.split("\\R")) {
      assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
    }
  }

  @Test
  void wrapping_cuts_at_the_last_space_that_fits_and_keeps_a_word_too_long_for_a_line() {
    Help.ColorScheme scheme = Help.defaultColorScheme(Help.Ansi.OFF);

    List<String> lines =
        OptionSections.wrapAtSpaces(scheme.text("one two three averyveryverylongword end"), 8, 6)
            .stream()
            .map(Help.Ansi.Text::plainString)
            .toList();

    assertThat(lines).containsExactly("one two", "three", "averyveryverylongword end");
  }
}
