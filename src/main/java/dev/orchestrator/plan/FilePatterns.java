package dev.orchestrator.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides whether two file claims of a plan ({@code src/api/**}, {@code src/*.py}, {@code
 * README.md}) can name the same file.
 *
 * <p>Patterns use glob syntax: {@code *} and {@code ?} within one path segment, {@code **} across
 * segments. The answer errs on the safe side: a segment with {@code [..]} or {@code {..}} is read
 * as {@code *}, so an overlap may be reported where none exists, never the reverse.
 */
public final class FilePatterns {

  private static final Pattern SLASHES = Pattern.compile("/+");
  private static final Pattern LEADING_SLASH = Pattern.compile("^/");
  private static final Pattern BRACE_ACROSS_SEGMENTS = Pattern.compile(".*\\{[^}]*/.*");

  private FilePatterns() {}

  /** Whether some path matches both a pattern of {@code a} and a pattern of {@code b}. */
  public static boolean overlap(List<String> a, List<String> b) {
    for (String x : a) {
      for (String y : b) {
        if (overlap(x, y)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether some path matches both patterns. */
  public static boolean overlap(String a, String b) {
    String[] x = segments(a);
    String[] y = segments(b);
    Boolean[][] memo = new Boolean[x.length + 1][y.length + 1];
    return pathsMeet(x, 0, y, 0, memo);
  }

  /**
   * The whole literal segments a pattern starts with, before the first segment with a wildcard
   * ({@code *}, {@code ?}, {@code [..]}, {@code {..}}): every path the pattern matches starts with
   * them. {@code src/api/**} gives {@code [src, api]}, {@code README.md} gives {@code [README.md]}.
   */
  static List<String> literalPrefix(String pattern) {
    List<String> prefix = new ArrayList<>();
    for (String segment : segments(pattern)) {
      if (segment.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0)) {
        break;
      }
      prefix.add(segment);
    }
    return prefix;
  }

  private static String[] segments(String pattern) {
    String p = pattern.trim().replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    if (BRACE_ACROSS_SEGMENTS.matcher(p).matches()) {
      return new String[] {"**"}; // a brace group spanning segments: assume it can name any path
    }
    if (p.endsWith("/")) {
      p = p + "**"; // a directory claims everything below it
    }
    return LEADING_SLASH.matcher(SLASHES.matcher(p).replaceAll("/")).replaceFirst("").split("/");
  }

  // Same search as for characters below, with ** as the wildcard and segments as letters.
  private static boolean pathsMeet(String[] x, int i, String[] y, int j, Boolean[][] memo) {
    if (memo[i][j] != null) {
      return memo[i][j];
    }
    boolean meet;
    if (i == x.length && j == y.length) {
      meet = true;
    } else if (i < x.length && x[i].equals("**")) {
      meet = pathsMeet(x, i + 1, y, j, memo) || (j < y.length && pathsMeet(x, i, y, j + 1, memo));
    } else if (j < y.length && y[j].equals("**")) {
      meet = pathsMeet(x, i, y, j + 1, memo) || (i < x.length && pathsMeet(x, i + 1, y, j, memo));
    } else {
      meet =
          i < x.length
              && j < y.length
              && segmentsMeet(simplify(x[i]), simplify(y[j]))
              && pathsMeet(x, i + 1, y, j + 1, memo);
    }
    memo[i][j] = meet;
    return meet;
  }

  private static String simplify(String segment) {
    return segment.contains("[") || segment.contains("{") ? "*" : segment;
  }

  /** Whether one string matches both segment globs (only {@code *} and {@code ?} are special). */
  static boolean segmentsMeet(String a, String b) {
    Boolean[][] memo = new Boolean[a.length() + 1][b.length() + 1];
    return charsMeet(a, 0, b, 0, memo);
  }

  // A star can match nothing, or eat one letter the other side produces and stay. When both sides
  // are at a star, one of them ends first, which is one of the two "matches nothing" branches.
  private static boolean charsMeet(String a, int i, String b, int j, Boolean[][] memo) {
    if (memo[i][j] != null) {
      return memo[i][j];
    }
    boolean meet;
    if (i == a.length() && j == b.length()) {
      meet = true;
    } else if (i < a.length() && a.charAt(i) == '*') {
      meet = charsMeet(a, i + 1, b, j, memo) || (j < b.length() && charsMeet(a, i, b, j + 1, memo));
    } else if (j < b.length() && b.charAt(j) == '*') {
      meet = charsMeet(a, i, b, j + 1, memo) || (i < a.length() && charsMeet(a, i + 1, b, j, memo));
    } else {
      meet =
          i < a.length()
              && j < b.length()
              && (a.charAt(i) == b.charAt(j) || a.charAt(i) == '?' || b.charAt(j) == '?')
              && charsMeet(a, i + 1, b, j + 1, memo);
    }
    memo[i][j] = meet;
    return meet;
  }
}
