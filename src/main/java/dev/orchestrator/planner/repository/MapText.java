package dev.orchestrator.planner.repository;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a {@link RepositoryMap} as prompt text within a character limit. The header (layout, test
 * command, counts, build files) comes first, then the quoted README and notes, each already capped
 * when read, then as many listed paths as the rest of the limit holds; what does not fit is
 * counted, never silently dropped.
 */
final class MapText {

  private static final int MAX_HEADER_LINE = 1_000;
  private static final int MAX_LEFT_OUT_DIRECTORIES = 10;

  private final RepositoryMap map;
  private final int limit;

  MapText(RepositoryMap map, int limit) {
    this.map = map;
    this.limit = limit;
  }

  String render() {
    StringBuilder text = new StringBuilder();
    text.append("# Repository map\n\n");
    line(text, "Repository: " + map.name());
    line(text, "Layout: " + map.layout().describe());
    line(
        text,
        "Test command: "
            + (map.layout().testCommand() == null ? "none found" : map.layout().testCommand())
            + " ("
            + map.layout().evidence()
            + ")");
    line(
        text,
        "Build files: "
            + (map.buildFiles().isEmpty() ? "none" : String.join(", ", map.buildFiles())));
    line(text, counts());
    for (Excerpt excerpt : quoted()) {
      text.append('\n');
      quote(text, excerpt);
    }
    text.append("\n## Tracked files (path, size in bytes)\n");
    String closing = "";
    int shown = 0;
    for (TrackedFile file : map.files()) {
      String row = file.path() + " " + (file.size() == null ? "-" : file.size()) + "\n";
      closing = "… " + (map.files().size() - shown) + " more listed paths not shown (size limit)\n";
      if (text.length() + row.length() + closing.length() > limit) {
        text.append(closing);
        break;
      }
      text.append(row);
      shown++;
    }
    // A safety net: every part above is bounded, so this cuts only a pathological header.
    return text.length() <= limit ? text.toString() : text.substring(0, limit);
  }

  private String counts() {
    StringBuilder counts =
        new StringBuilder("Tracked files: ")
            .append(map.tracked())
            .append(", ")
            .append(map.files().size())
            .append(" listed below");
    if (map.omitted() > 0) {
      counts.append(", ").append(map.omitted()).append(" left out (");
      List<Map.Entry<String, Integer>> largest =
          map.leftOut().entrySet().stream()
              .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
              .limit(MAX_LEFT_OUT_DIRECTORIES)
              .toList();
      for (int i = 0; i < largest.size(); i++) {
        String directory = largest.get(i).getKey();
        counts
            .append(i == 0 ? "" : ", ")
            .append(directory.isEmpty() ? "at the root" : directory + "/")
            .append(": ")
            .append(largest.get(i).getValue());
      }
      if (map.leftOut().size() > largest.size()) {
        counts.append(", …");
      }
      counts.append(')');
    }
    if (map.unusable() > 0) {
      counts
          .append("; ")
          .append(map.unusable())
          .append(" paths outside the tree or under .git skipped");
    }
    return counts.toString();
  }

  private List<Excerpt> quoted() {
    return map.readme() == null
        ? map.notes()
        : Stream.concat(Stream.of(map.readme()), map.notes().stream()).toList();
  }

  private static void quote(StringBuilder text, Excerpt excerpt) {
    text.append("## ").append(excerpt.path());
    if (!excerpt.read()) {
      text.append(": ").append(excerpt.refusal()).append('\n');
      return;
    }
    text.append(excerpt.cut() ? " (its opening)" : "").append('\n');
    text.append("-----8<-----\n").append(excerpt.text().strip()).append("\n-----8<-----\n");
  }

  private static void line(StringBuilder text, String line) {
    String cut = line.length() <= MAX_HEADER_LINE ? line : line.substring(0, MAX_HEADER_LINE) + "…";
    text.append(cut.replace('\n', ' ')).append('\n');
  }
}
