package dev.orchestrator.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
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
  // Narrower than this, lines are cut rather than made unreadable.
  private static final int MIN_WIDTH = 20;

  /**
   * @param interactive whether standard output is a terminal
   * @param environment where {@code TERM}, {@code NO_COLOR} and {@code COLUMNS} are read
   */
  static Terminal of(boolean interactive, Map<String, String> environment) {
    return of(interactive, environment, () -> 0);
  }

  /**
   * @param ttyColumns the width of the terminal when {@code COLUMNS} does not say (shells seldom
   *     export it), 0 when unknown; asked only for an interactive terminal
   */
  static Terminal of(boolean interactive, Map<String, String> environment, IntSupplier ttyColumns) {
    boolean dumb = "dumb".equals(environment.get("TERM"));
    String noColor = environment.get("NO_COLOR");
    boolean colours = interactive && !dumb && (noColor == null || noColor.isEmpty());
    int columns = columns(environment);
    if (columns == 0 && interactive) {
      columns = ttyColumns.getAsInt();
    }
    return new Terminal(
        interactive && !dumb, colours ? Ansi.ON : Ansi.OFF, columns > 0 ? columns : DEFAULT_WIDTH);
  }

  // COLUMNS when set to a number; narrower than MIN_WIDTH counts as MIN_WIDTH.
  private static int columns(Map<String, String> environment) {
    try {
      int columns = Integer.parseInt(environment.getOrDefault("COLUMNS", "").strip());
      return columns > 0 ? Math.max(columns, MIN_WIDTH) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * The columns of the process's controlling terminal as {@code stty size} reports them, or 0 when
   * there is none or it does not say within a second. Java has no call for it.
   */
  static int columnsOfControllingTty() {
    try {
      Process stty =
          new ProcessBuilder("stty", "size")
              .redirectInput(new File("/dev/tty"))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!stty.waitFor(1, TimeUnit.SECONDS) || stty.exitValue() != 0) {
        stty.destroyForcibly();
        return 0;
      }
      String[] rowsAndColumns = size.strip().split("\\s+");
      int columns = rowsAndColumns.length == 2 ? Integer.parseInt(rowsAndColumns[1]) : 0;
      return columns > 0 ? Math.max(columns, MIN_WIDTH) : 0;
    } catch (IOException | NumberFormatException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
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
