package dev.orchestrator.output.report;

import static dev.orchestrator.output.report.Html.escape;

import java.util.Locale;

/** The few SVG elements both charts draw, with their content escaped. */
final class Svg {

  private Svg() {}

  /** An opening {@code <svg>} tag of that size, in user units. */
  static String open(String cssClass, double width, double height, String label) {
    return "<svg class=\""
        + cssClass
        + "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + number(width)
        + " "
        + number(height)
        + "\" width=\""
        + number(width)
        + "\" height=\""
        + number(height)
        + "\" role=\"img\" aria-label=\""
        + escape(label)
        + "\">\n";
  }

  static String line(String cssClass, double x1, double y1, double x2, double y2) {
    return "<line class=\""
        + cssClass
        + "\" x1=\""
        + number(x1)
        + "\" y1=\""
        + number(y1)
        + "\" x2=\""
        + number(x2)
        + "\" y2=\""
        + number(y2)
        + "\"/>";
  }

  /** A rectangle; {@code cssClass} may be empty, {@code title} null for no hover text. */
  static String rect(
      String cssClass, double x, double y, double width, double height, int radius, String title) {
    return "<rect"
        + (cssClass.isEmpty() ? "" : " class=\"" + cssClass + "\"")
        + " x=\""
        + number(x)
        + "\" y=\""
        + number(y)
        + "\" width=\""
        + number(width)
        + "\" height=\""
        + number(height)
        + "\""
        + (radius > 0 ? " rx=\"" + radius + "\"" : "")
        + (title == null ? "/>" : ">" + title(title) + "</rect>");
  }

  /** Text anchored at {@code start}, {@code middle} or {@code end}. */
  static String text(String cssClass, double x, double y, String anchor, String content) {
    return "<text class=\""
        + cssClass
        + "\" x=\""
        + number(x)
        + "\" y=\""
        + number(y)
        + "\" text-anchor=\""
        + anchor
        + "\">"
        + escape(content)
        + "</text>";
  }

  /** Hover text of the enclosing element. */
  static String title(String content) {
    return "<title>" + escape(content) + "</title>";
  }

  /** A coordinate: one decimal, a dot, no exponent. */
  static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
