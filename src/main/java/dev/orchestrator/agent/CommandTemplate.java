package dev.orchestrator.agent;

import dev.orchestrator.UsageException;
import java.util.ArrayList;
import java.util.HashMap;
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
 * no variables, globs, pipes or redirections. Placeholders are replaced inside the words after
 * splitting, so a value with blanks stays one argument.
 *
 * <p>A placeholder's value never becomes code, even when the user asks for a shell ({@code sh -c
 * '…'}), whose script is one word: the orchestrator cannot tell a script from a plain argument. So
 * {@code {prompt}}, text from the plan, is only ever an argument of its own; written inside a
 * longer word it is refused when the template is read. The other placeholders may sit inside a
 * longer word ({@code --message-file={prompt_file}}): their values are the orchestrator's own paths
 * and checked task ids, and {@link #expand} refuses one holding a character a shell would act on. A
 * script reads the values from the environment instead ({@link #environment}): {@code sh -c
 * 'my-agent --message "$(cat "$ORCHESTRATOR_PROMPT_FILE")"'}.
 */
public final class CommandTemplate {

  public static final String PROMPT = "prompt";
  public static final String PROMPT_FILE = "prompt_file";
  public static final String WORKSPACE = "workspace";
  public static final String TASK_ID = "task_id";

  private static final Set<String> PLACEHOLDERS = Set.of(PROMPT, PROMPT_FILE, WORKSPACE, TASK_ID);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z_-]*)}");

  /**
   * What a value inside a longer word may hold: letters, digits and punctuation no shell acts on
   * (no quotes, {@code $}, backquote, blanks, {@code ; & | < > ( ) * ? [ ] ~ # !} or line breaks).
   */
  private static final Pattern INERT = Pattern.compile("[\\p{L}\\p{N}_./:@%+,=-]*");

  /** The environment variables that carry the values of the placeholders other than the prompt. */
  private static final Map<String, String> VARIABLES =
      Map.of(
          PROMPT_FILE, "ORCHESTRATOR_PROMPT_FILE",
          WORKSPACE, "ORCHESTRATOR_WORKSPACE",
          TASK_ID, "ORCHESTRATOR_TASK_ID");

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
   *     names a placeholder that does not exist, or puts {@code {prompt}} inside a longer word
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
      if (word.contains("{" + PROMPT + "}") && !word.equals("{" + PROMPT + "}")) {
        throw new UsageException(
            "--agent-command puts {prompt} inside the argument '"
                + word
                + "'; the prompt is text from the plan, and pasted into a longer argument (a"
                + " script for sh -c, say) it could run as commands. Give {prompt} as an argument"
                + " of its own (my-agent --message {prompt}), or let a script read the prompt's"
                + " file: sh -c 'my-agent --message \"$(cat \"$ORCHESTRATOR_PROMPT_FILE\")\"'");
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
   * @throws IllegalArgumentException if a used placeholder has no value, or a value that goes
   *     inside a longer word holds a character a shell would act on (see {@link #environment})
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
        if (!m.group().equals(word) && !INERT.matcher(value).matches()) {
          throw new IllegalArgumentException(
              "{"
                  + m.group(1)
                  + "} is inside the argument '"
                  + word
                  + "', and its value "
                  + value
                  + " holds a character a shell would act on; give {"
                  + m.group(1)
                  + "} as an argument of its own, or read $"
                  + VARIABLES.get(m.group(1))
                  + " in the script");
        }
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
      m.appendTail(out);
      expanded.add(out.toString());
    }
    return expanded;
  }

  /**
   * The environment variables that carry the placeholders' values to the agent, for scripts that
   * must not have them pasted in: {@code ORCHESTRATOR_PROMPT_FILE}, {@code ORCHESTRATOR_WORKSPACE}
   * and {@code ORCHESTRATOR_TASK_ID}. The prompt's text is not among them: it can be long, and its
   * file holds it.
   *
   * @param values the placeholders' values, as for {@link #expand}
   */
  public static Map<String, String> environment(Map<String, String> values) {
    Map<String, String> variables = new HashMap<>();
    VARIABLES.forEach(
        (placeholder, variable) -> {
          String value = values.get(placeholder);
          if (value != null) {
            variables.put(variable, value);
          }
        });
    return Map.copyOf(variables);
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
