package dev.orchestrator.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files in the text of a model that cannot call tools: fenced code blocks that say which file they
 * are, in any of the ways models write it:
 *
 * <ul>
 *   <li>in the info string: <code>```python path=src/app.py</code>, {@code file=}, {@code
 *       filename=}, {@code title="src/app.py"}, or a bare path <code>```src/app.py</code>;
 *   <li>in a comment on the block's first line, which is then dropped: {@code // file: src/app.py},
 *       {@code # file: src/app.py}, {@code <!-- file: README.md -->};
 *   <li>on the line just before the fence, alone: {@code src/app.py}, {@code **src/app.py**},
 *       {@code ### `src/app.py`}.
 * </ul>
 *
 * <p>Blocks that name no file are ignored; an unclosed block at the end (a reply cut off) is
 * ignored too, since its file would be incomplete. Paths are returned as written: the workspace
 * decides whether they are allowed.
 */
final class FencedFiles {

  /** A file found in the text. */
  record File(String path, String content) {}

  private static final Pattern FENCE = Pattern.compile("^(`{3,}|~{3,})(.*)$");
  private static final Pattern INFO_PATH =
      Pattern.compile("(?:^|\\s)(?:path|file|filename|title)\\s*[=:]\\s*[\"']?([^\"'\\s]+)[\"']?");
  private static final Pattern COMMENT_PATH =
      Pattern.compile(
          "^\\s*(?://|#|--|;|/\\*|<!--)\\s*(?:file|path|filename)\\s*:\\s*(\\S+?)\\s*(?:\\*/|-->)?\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern LINE_PATH =
      Pattern.compile(
          "^\\s*(?:#{1,6}\\s*)?(?:\\*\\*|__)?`?([\\w./-]+\\.[\\w]+|[\\w./-]*/[\\w.-]+)`?(?:\\*\\*|__)?:?\\s*$");
  private static final Pattern BARE_PATH =
      Pattern.compile("[\\w.-]*(?:/[\\w.-]+)*\\.[\\w]+|[\\w.-]+(?:/[\\w.-]+)+");

  private FencedFiles() {}

  static List<File> parse(String text) {
    List<File> files = new ArrayList<>();
    String[] lines = text.split("\\r?\\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher open = FENCE.matcher(lines[i]);
      if (!open.matches()) {
        continue;
      }
      String fence = open.group(1);
      int end = closing(lines, i + 1, fence);
      if (end < 0) {
        break;
      }
      List<String> body = new ArrayList<>(List.of(lines).subList(i + 1, end));
      String path = infoPath(open.group(2).strip());
      if (path == null && !body.isEmpty()) {
        Matcher comment = COMMENT_PATH.matcher(body.get(0));
        if (comment.matches()) {
          path = comment.group(1);
          body.remove(0);
        }
      }
      if (path == null) {
        path = previousLinePath(lines, i);
      }
      if (path != null) {
        files.add(new File(path, String.join("\n", body) + "\n"));
      }
      i = end;
    }
    return files;
  }

  private static int closing(String[] lines, int from, String fence) {
    for (int j = from; j < lines.length; j++) {
      String line = lines[j].strip();
      if (line.startsWith(fence) && line.chars().allMatch(c -> c == fence.charAt(0))) {
        return j;
      }
    }
    return -1;
  }

  private static String infoPath(String info) {
    if (info.isEmpty()) {
      return null;
    }
    Matcher attribute = INFO_PATH.matcher(info);
    if (attribute.find()) {
      return attribute.group(1);
    }
    // ```src/app.py or ```python src/app.py: a word with a slash or an extension
    String[] words = info.split("\\s+");
    String last = words[words.length - 1];
    return (last.contains("/") || (words.length > 1 && last.contains(".")))
            && BARE_PATH.matcher(last).matches()
        ? last
        : null;
  }

  private static String previousLinePath(String[] lines, int fenceLine) {
    int j = fenceLine - 1;
    while (j >= 0 && lines[j].isBlank()) {
      j--;
    }
    if (j < 0) {
      return null;
    }
    Matcher line = LINE_PATH.matcher(lines[j]);
    return line.matches() ? line.group(1) : null;
  }
}
