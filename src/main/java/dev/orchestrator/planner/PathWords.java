package dev.orchestrator.planner;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of a requirement and of file names, reduced to stems so that they can be matched: a
 * file matches a word when a word of its name (split at case changes, digits, {@code _}, {@code -}
 * and {@code .}) has the same stem. "rate limiting" matches {@code RateLimiter.java}, "users"
 * matches {@code user_store.py}. Simple and explainable on purpose: the plan's notes say which word
 * matched which file.
 */
final class PathWords {

  private static final Pattern NOT_WORD = Pattern.compile("[^A-Za-z0-9]+");
  private static final Pattern CASE_CHANGE =
      Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])");
  // Longest first; a suffix is taken off only when three letters remain.
  private static final List<String> SUFFIXES =
      List.of(
          "ations", "ation", "ings", "ing", "ers", "ies", "ied", "er", "ed", "es", "s", "e", "y");
  private static final Set<String> STOP_WORDS =
      Set.of(
          ("add adds adding the and for with into from that this those these then than new make"
                  + " build create implement implementation support supports use using used should"
                  + " must can will also all any each every some more less our their its let lets"
                  + " allow allows via per when where which who what how not only just like such"
                  + " feature features change changes update updates improve fix fixes bug bugs"
                  + " code project repository repo file files module modules function functions"
                  + " class classes method methods test tests testing app application existing"
                  + " java python node nodejs javascript typescript rust golang maven gradle npm"
                  + " please want need needs able")
              .split(" "));

  private PathWords() {}

  /**
   * The words of a requirement worth matching, in order, lower case, without repeats: three letters
   * or more, starting with a letter, not a stop word ("add", "the", "feature", a language's name).
   */
  static List<String> keyWords(String text) {
    Set<String> words = new LinkedHashSet<>();
    for (String word : NOT_WORD.split(text.toLowerCase(Locale.ROOT))) {
      if (word.length() >= 3 && Character.isLetter(word.charAt(0)) && !STOP_WORDS.contains(word)) {
        words.add(word);
      }
    }
    return List.copyOf(words);
  }

  /** The stems of the words of a file's name, its extension left out. */
  static Set<String> nameStems(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      name = name.substring(0, dot);
    }
    Set<String> stems = new LinkedHashSet<>();
    for (String part : NOT_WORD.split(name)) {
      for (String word : CASE_CHANGE.split(part)) {
        if (word.length() >= 3 && Character.isLetter(word.charAt(0))) {
          stems.add(stem(word));
        }
      }
    }
    return stems;
  }

  /** A word without its common ending: "limiting", "limiter" and "limits" are all "limit". */
  static String stem(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    for (String suffix : SUFFIXES) {
      if (lower.endsWith(suffix) && lower.length() - suffix.length() >= 3) {
        return lower.substring(0, lower.length() - suffix.length());
      }
    }
    return lower;
  }

  /** The words in order as path words: lower-case letters and digits, at most {@code max}. */
  static List<String> forPaths(List<String> words, int max) {
    List<String> kept = new ArrayList<>();
    for (String word : words) {
      String clean = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
      if (!clean.isEmpty() && Character.isLetter(clean.charAt(0)) && kept.size() < max) {
        kept.add(clean);
      }
    }
    return kept;
  }
}
