package dev.orchestrator.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Reads a child's output as lines in bounded memory: a line longer than {@code maxLine} characters
 * is cut (the rest is read and dropped, and the line says how much was cut), and the copy kept in a
 * log stops at {@code maxLog} characters. A 2 GB line costs at most {@code maxLine} characters.
 */
final class BoundedLines {

  private final int maxLine;
  private final long maxLog;

  BoundedLines(int maxLine, long maxLog) {
    this.maxLine = maxLine;
    this.maxLog = maxLog;
  }

  /**
   * Copies every line, masked, to the log and to the consumer, until the input ends.
   *
   * @param mask applied to each line before it is logged or handed on
   * @throws IOException if reading or writing fails (the input closes when the child is killed)
   */
  void copy(InputStream in, Writer log, UnaryOperator<String> mask, Consumer<String> lines)
      throws IOException {
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    char[] buffer = new char[8192];
    StringBuilder line = new StringBuilder();
    long cut = 0;
    long logged = 0;
    boolean logFull = false;
    for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
      for (int i = 0; i < read; i++) {
        char c = buffer[i];
        if (c != '\n') {
          if (line.length() < maxLine) {
            line.append(c);
          } else {
            cut++;
          }
          continue;
        }
        String text =
            mask.apply(cut == 0 ? line.toString() : line + " [" + cut + " characters cut]");
        line.setLength(0);
        cut = 0;
        if (!logFull) {
          if (logged + text.length() + 1 > maxLog) {
            log.write("[the rest of the output is not kept: over " + maxLog + " characters]\n");
            logFull = true;
          } else {
            log.write(text);
            log.write('\n');
            logged += text.length() + 1;
          }
        }
        lines.accept(text);
      }
    }
    if (line.length() > 0 || cut > 0) {
      String text = mask.apply(cut == 0 ? line.toString() : line + " [" + cut + " characters cut]");
      if (!logFull && logged + text.length() <= maxLog) {
        log.write(text);
        log.write('\n');
      }
      lines.accept(text);
    }
  }
}
