package dev.orchestrator.cli;

import java.util.Map;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Ansi.IStyle;

/**
 * What standard output can show: a live display redrawn in place (cursor movement) and colours.
 * Both need an interactive terminal; {@code TERM=dumb} has neither, and {@code NO_COLOR} (any
 * non-empty value, see no-color.org) turns colours off but keeps the live display.
 *
 * @param live redraw a block in place instead of printing plain lines
 * @param ansi colours on or off
 * @param width columns to wrap long lines to
 */
record Terminal(boolean live, Ansi ansi, int width) {

  private static final int DEFAULT_WIDTH = 100;

  /**
   * @param interactive whether standard output is a terminal
   * @param environment where {@code TERM}, {@code NO_COLOR} and {@code COLUMNS} are read
   */
  static Terminal of(boolean interactive, Map<String, String> environment) {
    boolean dumb = "dumb".equals(environment.get("TERM"));
    String noColor = environment.get("NO_COLOR");
    boolean colours = interactive && !dumb && (noColor == null || noColor.isEmpty());
    return new Terminal(interactive && !dumb, colours ? Ansi.ON : Ansi.OFF, width(environment));
  }

  private static int width(Map<String, String> environment) {
    try {
      int columns = Integer.parseInt(environment.getOrDefault("COLUMNS", "").strip());
      return columns >= 40 ? columns : DEFAULT_WIDTH;
    } catch (NumberFormatException e) {
      return DEFAULT_WIDTH;
    }
  }

  /** The text in the given styles ({@code "bold,fg(green)"}), or the text alone. */
  String paint(String styles, String text) {
    if (ansi == Ansi.OFF) {
      return text;
    }
    IStyle[] parsed = Ansi.Style.parse(styles);
    return Ansi.Style.on(parsed) + text + Ansi.Style.on(Ansi.Style.reset);
  }

  /** {@code 1 task}, {@code 2 tasks}. */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
