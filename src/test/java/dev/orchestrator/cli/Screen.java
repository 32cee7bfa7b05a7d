package dev.orchestrator.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * What a terminal of a given width shows after the bytes a program wrote to it: just the parts of a
 * VT100 the live display uses (carriage return, line feed, cursor up, erase below, colours, and
 * wrapping a line that reaches the last column), enough to see lines left behind by a redraw.
 */
final class Screen {

  private final int width;
  private final List<StringBuilder> rows = new ArrayList<>();
  private int row;
  private int column;

  private Screen(int width) {
    this.width = width;
    rows.add(new StringBuilder());
  }

  /** The rows shown after {@code output}, trailing blanks removed. */
  static List<String> after(String output, int width) {
    Screen screen = new Screen(width);
    screen.write(output);
    return screen.rows.stream().map(r -> r.toString().stripTrailing()).toList();
  }

  private void write(String output) {
    int i = 0;
    while (i < output.length()) {
      char c = output.charAt(i);
      if (c == '\u001b' && i + 1 < output.length() && output.charAt(i + 1) == '[') {
        int end = i + 2;
        while (end < output.length() && !Character.isLetter(output.charAt(end))) {
          end++;
        }
        control(output.substring(i + 2, end), output.charAt(end));
        i = end + 1;
        continue;
      }
      if (c == '\r') {
        column = 0;
      } else if (c == '\n') { // as a pty sends it on (onlcr): to the start of the next row
        down();
        column = 0;
      } else {
        if (column == width) { // auto-wrap: the character goes to the next row
          down();
          column = 0;
        }
        StringBuilder line = rows.get(row);
        while (line.length() < column) {
          line.append(' ');
        }
        if (column < line.length()) {
          line.setCharAt(column, c);
        } else {
          line.append(c);
        }
        column++;
      }
      i++;
    }
  }

  private void control(String parameters, char command) {
    int n = parameters.isEmpty() ? 1 : Integer.parseInt(parameters.split(";")[0]);
    if (command == 'A') {
      row = Math.max(0, row - n);
    } else if (command == 'J') { // erase from the cursor to the end of the screen
      StringBuilder line = rows.get(row);
      line.setLength(Math.min(line.length(), column));
      rows.subList(row + 1, rows.size()).clear();
    }
    // 'm' (colours) and anything else change no text
  }

  private void down() {
    row++;
    if (row == rows.size()) {
      rows.add(new StringBuilder());
    }
  }
}
