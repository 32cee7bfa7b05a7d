package dev.orchestrator.plan;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the human durations of plan files: {@code "30min"}, {@code "1hr"}, {@code
 * "2hrs"}, {@code "1.5 hours"}, {@code "1hr 30min"}, {@code "300ms"}.
 */
public final class EstimatedDuration {

  private static final Pattern PART =
      Pattern.compile(
          "(\\d+(?:\\.\\d+)?)\\s*(ms|millis|days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)");

  private EstimatedDuration() {}

  /** The duration the text names, or empty when it is not one. */
  public static Optional<Duration> parse(String text) {
    String rest = text.trim().toLowerCase(Locale.ROOT);
    if (rest.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = PART.matcher(rest);
    double seconds = 0;
    int end = 0;
    while (m.find()) {
      if (!rest.substring(end, m.start()).isBlank()) {
        return Optional.empty();
      }
      seconds += Double.parseDouble(m.group(1)) * unitSeconds(m.group(2));
      end = m.end();
    }
    if (end == 0 || !rest.substring(end).isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
  }

  /**
   * The plan-file spelling: whole hours as {@code 1hr}/{@code 2hrs}, then minutes, seconds and
   * milliseconds where there are any ({@code 1hr30min}, {@code 45s}, {@code 300ms}), so that {@link
   * #parse} reads back the same duration to the millisecond.
   */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      return "-" + format(duration.negated());
    }
    long millis = duration.toMillis();
    if (millis == 0) {
      return "0min";
    }
    long hours = millis / 3_600_000;
    StringBuilder text = new StringBuilder();
    if (hours > 0) {
      text.append(hours).append(hours == 1 ? "hr" : "hrs");
    }
    append(text, millis / 60_000 % 60, "min");
    append(text, millis / 1_000 % 60, "s");
    append(text, millis % 1_000, "ms");
    return text.toString();
  }

  private static void append(StringBuilder text, long amount, String unit) {
    if (amount > 0) {
      text.append(amount).append(unit);
    }
  }

  private static double unitSeconds(String unit) {
    if (unit.equals("ms") || unit.equals("millis")) {
      return 0.001;
    }
    switch (unit.charAt(0)) {
      case 'd':
        return 86_400;
      case 'h':
        return 3_600;
      case 'm':
        return 60;
      default:
        return 1;
    }
  }
}
