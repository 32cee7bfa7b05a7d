package dev.orchestrator.planner;

import dev.orchestrator.planner.repository.SourceLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The notes of a plan made offline against a repository: what it found and why it claims so. */
final class RepositoryNotes {

  private static final int MAX_MATCHES_SHOWN = 12;

  private RepositoryNotes() {}

  /**
   * @param bandMinimum the fewest tasks the score's band gives a new project
   * @param tasks how many tasks the plan has
   * @param ordered how many pairs of tasks run one after the other because they share files
   */
  static String of(
      SourceLayout layout,
      RepositoryDrafter.Drafting drafting,
      int bandMinimum,
      int tasks,
      int ordered) {
    StringBuilder notes =
        new StringBuilder("Planned offline against the repository's layout: ")
            .append(layout.describe())
            .append(". ")
            .append(
                layout.testCommand() == null
                    ? "No test command was found (" + layout.evidence() + "). "
                    : "Its tests run with "
                        + layout.testCommand()
                        + " ("
                        + layout.evidence()
                        + "). ");
    Map<String, String> matches = drafting.matches();
    if (matches.isEmpty()) {
      notes.append("No existing file's name matches the requirement's words; ");
    } else {
      List<String> shown = new ArrayList<>();
      matches.entrySet().stream()
          .limit(MAX_MATCHES_SHOWN)
          .forEach(m -> shown.add(m.getKey() + " (\"" + m.getValue() + "\")"));
      notes
          .append("Existing files claimed because their names match the requirement's words: ")
          .append(String.join(", ", shown))
          .append(matches.size() > MAX_MATCHES_SHOWN ? ", …" : "")
          .append("; ");
    }
    notes.append("new code and tests go where the layout puts them.");
    if (!drafting.tooGeneral().isEmpty()) {
      notes
          .append(" Words that match more than ")
          .append(RepositoryDrafter.MAX_MATCHES)
          .append(" files claim none: \"")
          .append(String.join("\", \"", drafting.tooGeneral()))
          .append("\".");
    }
    notes.append(
        " Each task lists the files it owns; tasks that may run at the same time own different"
            + " files");
    if (ordered > 0) {
      notes
          .append(", and ")
          .append(ordered)
          .append(ordered == 1 ? " pair of tasks that share" : " pairs of tasks that share")
          .append(" files run one after the other");
    }
    notes.append('.');
    if (tasks < bandMinimum) {
      notes
          .append(" The score's band would give a new project at least ")
          .append(bandMinimum)
          .append(" tasks; a change to a repository gets only those its parts need, ")
          .append(tasks)
          .append(", since the repository has its build, documentation and CI already.");
    }
    return notes.toString();
  }
}
