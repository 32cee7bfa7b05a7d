package dev.orchestrator.output.report;

import dev.orchestrator.usage.Dollars;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/** How the report spells numbers: one place for units, rounding and separators. */
final class Figures {

  /** What a null figure reads as: it was not measured, and the report does not guess it. */
  static final String NOT_MEASURED = "not measured";

  private Figures() {}

  /** An outcome as people read it: {@code not started}. */
  static String outcome(String label) {
    return label.replace('_', ' ');
  }

  /** {@code 0.31 s}, {@code 12.3 s}, {@code 4 min 5 s}, {@code 2 h 30 min}. */
  static String duration(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 10_000) {
      return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = Math.round(millis / 1000.0);
    if (seconds < 3600) {
      return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
    }
    long minutes = Math.round(seconds / 60.0);
    return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
  }

  /** A share 0..1 as {@code 78.5%}. */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /** {@code part / whole} as {@code 1.12×}; null when the whole is zero. */
  static String ratio(Duration part, Duration whole) {
    return whole.isZero()
        ? null
        : String.format(Locale.ROOT, "%.2f×", part.toMillis() / (double) whole.toMillis());
  }

  /** {@code 12,345}. */
  static String count(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  /** A size: {@code 812 bytes}, {@code 64 KiB}, {@code 3.2 MiB}. */
  static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    double kib = bytes / 1024.0;
    if (kib < 1024) {
      return String.format(Locale.ROOT, kib < 10 ? "%.1f KiB" : "%.0f KiB", kib);
    }
    double mib = kib / 1024;
    return String.format(Locale.ROOT, mib < 10 ? "%.1f MiB" : "%.0f MiB", mib);
  }

  /** US dollars to the cent, under a cent to 4 places: {@code $1.50}, {@code $0.0048}. */
  static String dollars(BigDecimal amount) {
    return Dollars.format(amount);
  }

  /** A label of the time axis, whose ticks are {@code step} apart: {@code 0.5s}, {@code 30s}. */
  static String tick(long millis, long step) {
    if (step < 1000) {
      return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
    }
    if (step < 60_000) {
      return millis / 1000 + "s";
    }
    if (step < 3_600_000) {
      return millis / 60_000 + "min";
    }
    return millis / 3_600_000 + "h";
  }
}
