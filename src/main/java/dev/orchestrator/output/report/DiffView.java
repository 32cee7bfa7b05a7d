package dev.orchestrator.output.report;

import static dev.orchestrator.output.report.Html.escape;

/**
 * A patch as preformatted text, each line escaped and marked by what it is, for the style sheet to
 * colour: {@code add} (+), {@code del} (-), {@code hunk} (@@), {@code meta} (a file's header,
 * {@code \ No newline at end of file}); context lines are left plain. The base85 lines of a binary
 * file ({@code GIT binary patch}) are counted, not shown.
 */
final class DiffView {

  private enum State {
    HEADER,
    HUNK,
    BINARY
  }

  private DiffView() {}

  /** {@code <pre class="diff">…</pre>} of the patch's text. */
  static String render(String patch) {
    StringBuilder html = new StringBuilder(patch.length() + patch.length() / 4 + 64);
    html.append("<pre class=\"diff\">");
    State state = State.HEADER;
    int binary = 0;
    String[] lines = patch.split("\n", -1);
    // The text ends with a newline: the empty string after it is no line.
    int count = patch.isEmpty() ? 0 : patch.endsWith("\n") ? lines.length - 1 : lines.length;
    for (int i = 0; i < count; i++) {
      String line = lines[i];
      if (line.startsWith("diff --git ")) {
        binary = binaryLines(html, binary);
        state = State.HEADER;
      } else if (state == State.BINARY) {
        binary++;
        continue;
      } else if (line.startsWith("@@")) {
        state = State.HUNK;
        mark(html, "hunk", line);
        continue;
      }
      if (state == State.HEADER) {
        mark(html, "meta", line);
        if (line.equals("GIT binary patch")) {
          state = State.BINARY;
        }
      } else if (line.startsWith("+")) {
        mark(html, "add", line);
      } else if (line.startsWith("-")) {
        mark(html, "del", line);
      } else if (line.startsWith("\\")) {
        mark(html, "meta", line);
      } else {
        html.append(escape(line)).append('\n');
      }
    }
    binaryLines(html, binary);
    return html.append("</pre>\n").toString();
  }

  private static void mark(StringBuilder html, String kind, String line) {
    html.append("<span class=\"")
        .append(kind)
        .append("\">")
        .append(escape(line))
        .append("</span>\n");
  }

  private static int binaryLines(StringBuilder html, int count) {
    if (count > 0) {
      html.append("<span class=\"meta\">(")
          .append(count)
          .append(count == 1 ? " line" : " lines")
          .append(" of binary data, not shown)</span>\n");
    }
    return 0;
  }
}
