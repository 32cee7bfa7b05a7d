package dev.orchestrator.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * A writer that prints the Unicode bidirectional controls (U+202A to U+202E, U+2066 to U+2069,
 * U+200E, U+200F, U+061C) as {@code \u202E}: text from a plan or a model can no longer reorder what
 * the terminal shows, as "Trojan Source" does. The escape is also a valid JSON string escape of the
 * same character, so {@code --json} output stays the same JSON. Other control characters are left
 * alone: the live display's colours are ANSI escapes, and names with control characters are refused
 * by the plan validator.
 */
final class BidiEscaping extends FilterWriter {

  BidiEscaping(Writer out) {
    super(out);
  }

  static boolean isBidiControl(int c) {
    return (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200E
        || c == 0x200F
        || c == 0x061C;
  }

  @Override
  public void write(int c) throws IOException {
    if (isBidiControl(c)) {
      out.write(String.format(Locale.ROOT, "\\u%04X", c));
    } else {
      out.write(c);
    }
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    int start = offset;
    for (int i = offset; i < offset + length; i++) {
      if (isBidiControl(buffer[i])) {
        out.write(buffer, start, i - start);
        write(buffer[i]);
        start = i + 1;
      }
    }
    out.write(buffer, start, offset + length - start);
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    write(text.toCharArray(), offset, length);
  }
}
