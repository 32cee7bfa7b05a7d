package dev.orchestrator.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.UsageException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandTemplateTest {

  static final Map<String, String> VALUES =
      Map.of(
          "prompt",
          "do {workspace} now",
          "prompt_file",
          "/w/.agent/prompt.md",
          "workspace",
          "/w",
          "task_id",
          "task_3");

  static List<String> words(String text) {
    return CommandTemplate.parse(text).expand(VALUES);
  }

  @Test
  void splits_on_blanks_like_a_shell() {
    assertThat(words("  aider   --yes\t--no-git ")).containsExactly("aider", "--yes", "--no-git");
  }

  @Test
  void single_quotes_keep_everything_literally() {
    assertThat(words("sh -c 'cat \"$0\" | my-agent' x"))
        .containsExactly("sh", "-c", "cat \"$0\" | my-agent", "x");
  }

  @Test
  void double_quotes_take_backslash_escapes_of_quote_backslash_dollar_and_backtick() {
    assertThat(words("echo \"a \\\"b\\\" \\\\ \\$HOME \\n\""))
        .containsExactly("echo", "a \"b\" \\ $HOME \\n");
  }

  @Test
  void a_backslash_outside_quotes_escapes_the_next_character() {
    assertThat(words("my\\ agent a\\'b")).containsExactly("my agent", "a'b");
  }

  @Test
  void adjacent_quoted_and_plain_parts_make_one_word() {
    assertThat(words("--message='hello world'\"!\"")).containsExactly("--message=hello world!");
  }

  @Test
  void placeholders_are_replaced_inside_words_and_a_value_with_blanks_stays_one_argument() {
    assertThat(words("agent --file={prompt_file} --cwd {workspace} --id {task_id} {prompt}"))
        .containsExactly(
            "agent",
            "--file=/w/.agent/prompt.md",
            "--cwd",
            "/w",
            "--id",
            "task_3",
            "do {workspace} now");
  }

  @Test
  void knows_whether_the_prompt_travels_in_the_arguments() {
    assertThat(CommandTemplate.parse("agent {prompt_file}").passesPrompt()).isTrue();
    assertThat(CommandTemplate.parse("agent --msg {prompt}").passesPrompt()).isTrue();
    assertThat(CommandTemplate.parse("agent --cwd {workspace}").passesPrompt()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '^',
      value = {
        "^   ^                     | --agent-command is empty",
        "agent 'unclosed           | ' that is never closed",
        "agent \"unclosed          | \" that is never closed",
        "agent \\                  | ends with a backslash",
        "agent {prompt-file}       | {prompt-file}, which is not a placeholder; use {prompt_file}"
      })
  void rejects_what_cannot_be_run_saying_what_to_fix(String text, String message) {
    assertThatThrownBy(() -> CommandTemplate.parse(text))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sh -c 'my-agent --message {prompt}'",
        "my-agent --message={prompt}",
        "bash -c \"echo '{prompt}' > p.txt; my-agent p.txt\""
      })
  void the_prompt_inside_a_longer_argument_is_refused_because_a_shell_would_run_it(String text) {
    assertThatThrownBy(() -> CommandTemplate.parse(text))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("puts {prompt} inside the argument")
        .hasMessageContaining("it could run as commands")
        .hasMessageContaining("$ORCHESTRATOR_PROMPT_FILE");
  }

  @Test
  void a_value_inside_a_longer_argument_must_hold_nothing_a_shell_acts_on() {
    CommandTemplate template = CommandTemplate.parse("sh -c 'cd {workspace} && my-agent'");
    Map<String, String> values = new java.util.HashMap<>(VALUES);

    values.put("workspace", "/runs/ok_1.2/task-3");
    assertThat(template.expand(values))
        .containsExactly("sh", "-c", "cd /runs/ok_1.2/task-3 && my-agent");

    for (String hostile :
        List.of("/w/$(touch x)", "/w/`id`", "/w; id", "/w\nid", "/my dir", "/w'")) {
      values.put("workspace", hostile);
      assertThatThrownBy(() -> template.expand(values))
          .as(hostile)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("holds a character a shell would act on")
          .hasMessageContaining("$ORCHESTRATOR_WORKSPACE");
    }
    // As an argument of its own, any value stays one argument and no shell sees it.
    assertThat(CommandTemplate.parse("my-agent --cwd {workspace}").expand(values))
        .containsExactly("my-agent", "--cwd", "/w'");
  }

  @Test
  void the_values_are_also_in_the_environment_for_scripts_but_not_the_prompt_text() {
    assertThat(CommandTemplate.environment(VALUES))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "ORCHESTRATOR_PROMPT_FILE", "/w/.agent/prompt.md",
                "ORCHESTRATOR_WORKSPACE", "/w",
                "ORCHESTRATOR_TASK_ID", "task_3"));
  }

  @Test
  void braces_that_are_not_placeholder_names_are_left_alone() {
    assertThat(words("agent '{\"a\": 1}'")).containsExactly("agent", "{\"a\": 1}");
  }
}
