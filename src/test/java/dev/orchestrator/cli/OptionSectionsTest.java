package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
