package dev.orchestrator.planner;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whole-word, case-insensitive keyword patterns, the way every heuristic here reads text. */
final class Keywords {

  private Keywords() {}

  /**
   * A pattern for a regex alternation that matches whole words only. A dash or slash joins words,
   * so "platform" is not found in "platformer" and "ci" not in "ci/cd".
   */
  static Pattern of(String alternatives) {
    return Pattern.compile(
        "(?<![\\w/-])(?:" + alternatives + ")(?![\\w/-])", Pattern.CASE_INSENSITIVE);
  }

  /** The different matches in the text, lower-cased, in the order first found. */
  static List<String> distinct(Pattern pattern, String text) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group().toLowerCase(Locale.ROOT));
    }
    return List.copyOf(found);
  }
}
