package dev.orchestrator.output.report;

import static dev.orchestrator.output.report.Html.escape;

import dev.orchestrator.output.report.TaskChange.FileChange;
import java.util.List;
import java.util.Set;

/**
 * The report's section on what each task of a run on a repository changed: its commit, how it
 * merged into the run's branch, the files with lines added and removed, the files it changed
 * outside its claim, and its diff, closed until opened. A diff cut by the report's limits says so
 * where it can be seen while closed, and names the patch that holds all of it.
 */
final class ChangesSection {

  // Merge outcomes the style sheet colours; any other value is shown as text only.
  private static final Set<String> MERGES = Set.of("clean", "rerun", "conflict");

  private ChangesSection() {}

  /** The section; empty when no task ran on a repository. */
  static String render(List<TaskChange> changes) {
    if (changes.isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<section id=\"changes\">\n<h2>Changes</h2>\n");
    html.append("<p class=\"note\">Each task's commit, how it merged into the run's branch, the")
        .append(" files it changed and its diff (open it to read).</p>\n");
    for (TaskChange change : changes) {
      task(html, change);
    }
    return html.append("</section>\n").toString();
  }

  private static void task(StringBuilder html, TaskChange change) {
    html.append("<article class=\"change\" data-task=\"")
        .append(escape(change.taskId()))
        .append("\">\n<h3>")
        .append(escape(change.taskId()))
        .append(" · ")
        .append(escape(change.name()))
        .append("</h3>\n<p>");
    if (change.commit() != null) {
      html.append("Commit <code>")
          .append(escape(RepositorySection.abbreviated(change.commit())))
          .append("</code> · ");
    }
    html.append("merge: <span class=\"merge")
        .append(MERGES.contains(change.merge()) ? " " + change.merge() : "")
        .append("\">")
        .append(escape(change.merge()))
        .append("</span></p>\n");
    files(html, change);
    if (change.undeclared() != null) {
      html.append("<p class=\"undeclared\">Changed outside its claimed files: ")
          .append(escape(change.undeclared()))
          .append("</p>\n");
    }
    if (change.superseded() != null) {
      html.append("<p class=\"note\">Its first attempt collided and stays on ")
          .append(escape(change.superseded()))
          .append("</p>\n");
    }
    if (change.setup() != null) {
      html.append("<p class=\"note\">Set-up: ").append(escape(change.setup())).append("</p>\n");
    }
    diff(html, change.patch());
    html.append("</article>\n");
  }

  private static void files(StringBuilder html, TaskChange change) {
    if (change.files().isEmpty()) {
      if (change.changes() != null) {
        html.append("<p>").append(escape(change.changes())).append("</p>\n");
      }
      return;
    }
    html.append("<ul class=\"files\">");
    for (FileChange file : change.files()) {
      html.append("<li><code>").append(escape(file.path())).append("</code> ");
      if (file.insertions() == null) {
        html.append("<span class=\"note\">binary</span>");
      } else {
        html.append("<span class=\"ins\">+")
            .append(file.insertions())
            .append("</span> <span class=\"dels\">-")
            .append(file.deletions())
            .append("</span>");
      }
      html.append("</li>");
    }
    html.append("</ul>\n");
  }

  private static void diff(StringBuilder html, PatchExcerpt patch) {
    if (patch == null) {
      return;
    }
    if (!patch.exists()) {
      html.append("<p class=\"note\">No diff to show: ")
          .append(escape(patch.file()))
          .append(" is missing.</p>\n");
      return;
    }
    if (patch.shown() == 0 && patch.size() > 0) {
      html.append("<p class=\"cut\">Diff not shown: ")
          .append(escape(patch.limit()))
          .append("; all of it (")
          .append(Figures.bytes(patch.size()))
          .append(") is in ")
          .append(escape(patch.file()))
          .append(".</p>\n");
      return;
    }
    long lines = patch.text().chars().filter(c -> c == '\n').count();
    html.append("<details class=\"diff\"><summary>Diff, ")
        .append(Figures.count(lines))
        .append(lines == 1 ? " line" : " lines");
    if (patch.cut()) {
      html.append(" <span class=\"cut\">(cut: ")
          .append(Figures.bytes(patch.shown()))
          .append(" of ")
          .append(Figures.bytes(patch.size()))
          .append(" shown)</span>");
    }
    html.append("</summary>\n").append(DiffView.render(patch.text()));
    if (patch.cut()) {
      html.append("<p class=\"cut\">Cut here: ")
          .append(escape(patch.limit()))
          .append("; all of it is in ")
          .append(escape(patch.file()))
          .append(".</p>\n");
    }
    html.append("</details>\n");
  }
}
