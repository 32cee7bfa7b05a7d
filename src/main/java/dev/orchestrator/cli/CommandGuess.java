package dev.orchestrator.cli;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells a mistyped command from a requirement. The main command takes free words, so {@code
 * orchestrator pln "..."} would otherwise plan and run a job about "pln": a first word that is one
 * edit away from a command, or a requirement of one word that names a command, is taken for a typo.
 * A requirement in quotes ({@code "fun game with levels"}) is one argument with spaces and never a
 * guess, which is the way out the error message offers.
 */
final class CommandGuess {

  private static final Pattern WORD = Pattern.compile("[a-z][a-z-]*");

  private CommandGuess() {}

  /**
   * The command the user probably meant, if the words look like a typo of one.
   *
   * @param words the main command's positional arguments, as given
   * @param commands the names of the subcommands
   * @return what to suggest instead: a command name, or {@code --version}
   */
  static Optional<String> of(List<String> words, Collection<String> commands) {
    if (words == null || words.isEmpty() || !WORD.matcher(words.get(0)).matches()) {
      return Optional.empty();
    }
    String first = words.get(0);
    for (String command : commands) {
      if (distance(first, command) <= 1) {
        return Optional.of(command);
      }
    }
    if (words.size() > 1) {
      return Optional.empty();
    }
    if (distance(first, "version") <= 1) {
      return Optional.of("--version");
    }
    List<String> parts = Arrays.asList(first.split("-"));
    return commands.stream().filter(parts::contains).findFirst();
  }

  /** Edits (insertion, deletion, substitution, swap of neighbours) that turn one into the other. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
