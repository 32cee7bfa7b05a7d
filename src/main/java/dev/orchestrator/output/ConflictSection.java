package dev.orchestrator.output;

import java.util.List;
import java.util.stream.Collectors;

/** The combined README's "Conflicts" section: which tasks wrote the same file and what was kept. */
final class ConflictSection {

  private ConflictSection() {}

  static void append(StringBuilder out, List<Conflict> conflicts) {
    if (conflicts.isEmpty()) {
      return;
    }
    out.append("\n## Conflicts\n\nSeveral tasks wrote the same file:\n\n");
    for (Conflict c : conflicts) {
      out.append("- ")
          .append(MarkdownText.code(c.path()))
          .append(" from ")
          .append(String.join(", ", c.tasks())); // ids: letters, digits, _ . -
      out.append(": ");
      if (c.resolution() == Conflict.Resolution.DEPENDENT_WINS) {
        out.append("kept the version of ")
            .append(keptTasks(c).get(0))
            .append(", which depends on the others");
      } else {
        out.append(
            c.resolution() == Conflict.Resolution.KEPT_ALL
                ? "the tasks do not depend on each other, so every version was kept: "
                : "the name is taken by the orchestrator or a directory, so the versions were"
                    + " renamed: ");
        out.append(
            c.kept().stream()
                .map(p -> MarkdownText.code(p.target()) + " (" + p.taskId() + ")")
                .collect(Collectors.joining(", ")));
      }
      out.append('\n');
    }
  }

  static List<String> keptTasks(Conflict conflict) {
    return conflict.kept().stream().map(Placement::taskId).distinct().toList();
  }
}
