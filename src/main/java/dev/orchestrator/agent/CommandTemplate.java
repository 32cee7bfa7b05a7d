package dev.orchestrator.agent;

import dev.orchestrator.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of a command-line agent, as the user wrote it ({@code --agent-command}), with
 * placeholders for what changes from task to task:
 *
 * <ul>
 *   <li>{@code {prompt_file}}: absolute path of a file holding the prompt (Markdown);
 *   <li>{@code {prompt}}: the prompt text itself, as one argument;
 *   <li>{@code {workspace}}: absolute path of the task's workspace, also the working directory;
 *   <li>{@code {task_id}}: the task's id, e.g. {@code task_3}.
 * </ul>
 *
 * <p>The text is split into words the way a POSIX shell splits them — blanks separate words, {@code
 * '…'} quotes literally, {@code "…"} quotes with {@code \"}, {@code \\}, {@code \$} and {@code \`}
 * escapes, a backslash outside quotes escapes the next character — but no shell runs it: there are
 * no variables, globs, pipes or redirections, and the prompt's text can never be taken for shell
 * syntax. Placeholders are replaced inside the words after splitting, so a value with blanks stays
 * one argument, also inside a longer word ({@code --message-file={prompt_file}}). For shell syntax,
 * ask for a shell: {@code sh -c 'my-agent < "$0"' {prompt_file}}.
 */
public final class CommandTemplate {

  public static final String PROMPT = "prompt";
  public static final String PROMPT_FILE = "prompt_file";
  public static final String WORKSPACE = "workspace";
  public static final String TASK_ID = "task_id";

  private static final Set<String> PLACEHOLDERS = Set.of(PROMPT, PROMPT_FILE, WORKSPACE, TASK_ID);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z_-]*)}");

  private final String text;
  private final List<String> words;

  private CommandTemplate(String text, List<String> words) {
    this.text = text;
    this.words = List.copyOf(words);
  }

  /**
   * Splits a command line into words and checks its placeholders.
   *
   * @throws UsageException if the text is blank, has an unterminated quote or a trailing backslash,
   *     or names a placeholder that does not exist
   */
  public static CommandTemplate parse(String text) {
    List<String> words = split(text == null ? "" : text);
    if (words.isEmpty()) {
      throw new UsageException(
          "--agent-command is empty; give the agent's command line, e.g. --agent-command"
              + " 'my-agent --prompt-file {prompt_file}'");
    }
    for (String word : words) {
      Matcher m = PLACEHOLDER.matcher(word);
      while (m.find()) {
        if (!PLACEHOLDERS.contains(m.group(1))) {
          throw new UsageException(
              "--agent-command uses {"
                  + m.group(1)
                  + "}, which is not a placeholder; use"
                  + " {prompt_file}, {prompt}, {workspace} or {task_id}");
        }
      }
    }
    return new CommandTemplate(text, words);
  }

  /** The program word, as written (it holds no placeholder unless the user put one there). */
  public String program() {
    return words.get(0);
  }

  /**
   * Whether the prompt reaches the agent in its arguments: {@code {prompt}}, {@code {prompt_file}}.
   */
  public boolean passesPrompt() {
    return words.stream()
        .anyMatch(w -> w.contains("{" + PROMPT + "}") || w.contains("{" + PROMPT_FILE + "}"));
  }

  /**
   * The words with every placeholder replaced, in one pass: a value that itself contains {@code
   * {workspace}} is not expanded again.
   *
   * @param values a value for each placeholder the template uses
   * @throws IllegalArgumentException if a used placeholder has no value
   */
  public List<String> expand(Map<String, String> values) {
    List<String> expanded = new ArrayList<>();
    for (String word : words) {
      Matcher m = PLACEHOLDER.matcher(word);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String value = values.get(m.group(1));
        if (value == null) {
          throw new IllegalArgumentException("no value for the placeholder {" + m.group(1) + "}");
        }
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
      m.appendTail(out);
      expanded.add(out.toString());
    }
    return expanded;
  }

  @Override
  public String toString() {
    return text;
  }

  private static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        if (end < 0) {
          throw unterminated("'", text);
        }
        word.append(text, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i = doubleQuoted(text, i + 1, word);
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 >= text.length()) {
          throw new UsageException(
              "--agent-command ends with a backslash; remove it or escape it as \\\\: " + text);
        }
        word.append(text.charAt(i + 1));
        inWord = true;
        i += 2;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  // Appends the content of a double-quoted string starting at 'from'; returns the index after it.
  private static int doubleQuoted(String text, int from, StringBuilder word) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
        word.append(text.charAt(i + 1));
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    throw unterminated("\"", text);
  }

  private static UsageException unterminated(String quote, String text) {
    return new UsageException(
        "--agent-command has a " + quote + " that is never closed; close it: " + text);
  }
}
