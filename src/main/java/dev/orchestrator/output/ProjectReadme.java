package dev.orchestrator.output;

import dev.orchestrator.AtomicFile;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.Task;
import dev.orchestrator.plan.TaskStatus;
import dev.orchestrator.usage.Dollars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The combined {@code README.md} at the root of the output directory: the requirement, measured
 * figures, the layout of the consolidated project, one section per task (with the task's own
 * README), the conflicts, and how the tree was assembled. Figures that were not measured are left
 * out, not guessed.
 */
public final class ProjectReadme {

  /** The name of the combined README in the output directory. */
  public static final String FILE_NAME = "README.md";

  private static final int TITLE_LENGTH = 80;
  private static final int LAYOUT_LINES = 200;
  private static final List<String> SECTION_ORDER =
      List.of(ProjectLayout.SOURCE, ProjectLayout.TESTS, ProjectLayout.DOCS);

  private ProjectReadme() {}

  /**
   * Writes the README into the run's output directory, replacing an earlier one.
   *
   * @return the file written
   * @throws UncheckedIOException if it cannot be written
   */
  public static Path write(RunRecord run, Summary summary, Consolidation consolidation) {
    Path file = run.outputDirectory().resolve(FILE_NAME);
    try {
      AtomicFile.write(file, render(run, summary, consolidation));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }

  /** The README text; {@code summary} and {@code consolidation} belong to the same run. */
  public static String render(RunRecord run, Summary summary, Consolidation consolidation) {
    StringBuilder out = new StringBuilder();
    String requirements = run.plan().requirements().strip();
    // Text from the plan, a model or an agent is escaped wherever it goes (MarkdownText).
    out.append("# ").append(MarkdownText.line(title(requirements))).append("\n\n");
    requirements
        .lines()
        .forEach(line -> out.append("> ").append(MarkdownText.lines(line)).append('\n'));
    simulation(out, summary);
    overview(out, summary);
    layout(out, consolidation);
    tasks(out, run, summary, consolidation);
    ConflictSection.append(out, consolidation.conflicts());
    assembly(out, consolidation);
    return out.toString();
  }

  static String title(String requirements) {
    String first = requirements.lines().findFirst().orElse("").strip();
    if (first.isEmpty()) {
      return "Generated project";
    }
    if (first.length() <= TITLE_LENGTH) {
      return first;
    }
    int cut = first.lastIndexOf(' ', TITLE_LENGTH);
    return first.substring(0, cut > 0 ? cut : TITLE_LENGTH) + "…";
  }

  // The first thing a reader sees says whether the files are code at all.
  private static void simulation(StringBuilder out, Summary summary) {
    if (summary.simulated()) {
      out.append(
          "\n**This is a simulation.** The executors were simulated (offline, no model): every file"
              + " below is a placeholder that shows the layout, not working code. Run with --real,"
              + " or --executor llm, claude-code or command, to have the tasks done.\n");
    }
  }

  private static void overview(StringBuilder out, Summary summary) {
    Totals totals = summary.totals();
    out.append("\n## Overview\n\n");
    if (summary.executor() != null) {
      out.append("- Planner: ").append(Backend.describePlanner(summary.planner())).append('\n');
      out.append("- Executor: ").append(summary.executor().describe()).append('\n');
    }
    out.append(
        String.format(
            Locale.ROOT,
            "- Tasks: %d (%d completed, %d failed, %d skipped, %d not started)\n",
            totals.totalTasks(),
            totals.completed(),
            totals.failed(),
            totals.skipped(),
            totals.notStarted()));
    out.append("- Executors: ").append(totals.executors()).append('\n');
    out.append("- Wall time: ").append(seconds(totals.wallTime()));
    if (totals.makespan() != null) {
      out.append(", makespan ").append(seconds(totals.makespan()));
    }
    if (totals.executorUtilisation() != null) {
      out.append(
          String.format(
              Locale.ROOT, ", executor utilisation %.0f %%", totals.executorUtilisation() * 100));
    }
    out.append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "- Files created: %d, non-blank lines: %d\n",
            totals.totalFilesCreated(),
            totals.totalLinesOfCode()));
    if (totals.usage() != null) {
      out.append(
          String.format(
              Locale.ROOT,
              "- Tokens: %,d input, %,d output, %,d cache read, %,d cache write\n",
              totals.usage().inputTokens(),
              totals.usage().outputTokens(),
              totals.usage().cacheReadTokens(),
              totals.usage().cacheWriteTokens()));
      if (totals.usage().costUsd() != null) {
        out.append("- Cost: ").append(Dollars.format(totals.usage().costUsd())).append('\n');
      }
    }
  }

  private static void layout(StringBuilder out, Consolidation consolidation) {
    out.append("\n## Project layout\n\n");
    List<String> paths = new ArrayList<>();
    consolidation.files().forEach(p -> paths.add(p.target()));
    paths.add(ProjectLayout.DOCS + "/" + PlanJson.FILE_NAME);
    paths.add(ProjectLayout.DOCS + "/" + SummaryJson.FILE_NAME);
    // With a build layout, files and directories other than the sections sit at the top: first.
    Function<String, Integer> section =
        path -> SECTION_ORDER.indexOf(path.substring(0, Math.max(0, path.indexOf('/'))));
    paths.sort(Comparator.comparing(section).thenComparing(Comparator.naturalOrder()));
    StringBuilder tree = new StringBuilder();
    String[] previous = {};
    int lines = 0;
    for (String path : paths) {
      String[] segments = path.split("/");
      int common = 0;
      while (common < segments.length - 1
          && common < previous.length - 1
          && segments[common].equals(previous[common])) {
        common++;
      }
      for (int depth = common; depth < segments.length; depth++) {
        if (lines++ == LAYOUT_LINES) {
          tree.append("… (").append(paths.size()).append(" files in all)\n");
          out.append(MarkdownText.block("text", tree.toString()));
          return;
        }
        boolean file = depth == segments.length - 1;
        // A line break in a name would start a line of its own.
        String name = segments[depth].replaceAll("\\R", "\u2424");
        tree.append("  ".repeat(depth)).append(name).append(file ? "\n" : "/\n");
      }
      previous = segments;
    }
    out.append(MarkdownText.block("text", tree.toString()));
  }

  private static void tasks(
      StringBuilder out, RunRecord run, Summary summary, Consolidation consolidation) {
    out.append("\n## Tasks\n");
    Map<String, TaskResult> results =
        run.results().stream().collect(Collectors.toMap(TaskResult::taskId, r -> r));
    // Looked up once per task: a search per task would make the README quadratic in tasks.
    Map<String, TaskResult> lines =
        summary.tasks().stream().collect(Collectors.toMap(TaskResult::taskId, t -> t, (a, b) -> a));
    Map<String, List<Placement>> placed =
        consolidation.files().stream().collect(Collectors.groupingBy(Placement::taskId));
    Map<String, List<Conflict>> conflicts = new HashMap<>();
    for (Conflict c : consolidation.conflicts()) {
      c.tasks().stream()
          .distinct()
          .forEach(id -> conflicts.computeIfAbsent(id, k -> new ArrayList<>()).add(c));
    }
    for (Task task : run.plan().tasks()) {
      TaskResult line = lines.get(task.id());
      if (line == null) {
        throw new IllegalArgumentException("no summary of " + task.id());
      }
      out.append("\n### ")
          .append(task.id()) // checked by the plan validator: letters, digits, _ . -
          .append(" — ")
          .append(MarkdownText.line(task.name()))
          .append("\n\n");
      out.append(statusLine(line)).append("\n\n");
      out.append(MarkdownText.lines(task.description().strip())).append('\n');
      if (!task.acceptanceCriteria().isEmpty()) {
        out.append("\nAcceptance criteria:\n\n");
        task.acceptanceCriteria()
            .forEach(c -> out.append("- ").append(MarkdownText.line(c)).append('\n'));
      }
      files(
          out,
          task.id(),
          results.get(task.id()),
          run.outputDirectory(),
          placed.getOrDefault(task.id(), List.of()),
          conflicts.getOrDefault(task.id(), List.of()));
      String readme = consolidation.taskReadmes().get(task.id());
      if (readme != null) {
        // As written, in a block of its own: an agent's Markdown adds no markup to this file.
        out.append("\n#### The task's README\n\n").append(MarkdownText.block("markdown", readme));
      }
      if (line.error() != null) {
        out.append("\nError: ").append(MarkdownText.lines(line.error().strip())).append('\n');
      }
    }
  }

  private static String statusLine(TaskResult line) {
    StringBuilder s = new StringBuilder("Status: **").append(line.status().label()).append("**");
    if (line.executorId() != null) {
      s.append(" · executor ").append(line.executorId());
    }
    if (!line.attempts().isEmpty()) {
      s.append(" · ")
          .append(line.attempts().size())
          .append(line.attempts().size() == 1 ? " attempt" : " attempts");
    }
    if (line.duration() != null) {
      s.append(" · ").append(seconds(line.duration()));
    }
    return s.toString();
  }

  private static void files(
      StringBuilder out,
      String taskId,
      TaskResult result,
      Path outputDirectory,
      List<Placement> placed,
      List<Conflict> involved) {
    List<Conflict> lost =
        involved.stream()
            .filter(c -> c.kept().stream().noneMatch(p -> p.taskId().equals(taskId)))
            .toList();
    if (!placed.isEmpty() || !lost.isEmpty()) {
      out.append("\nFiles:\n\n");
      for (Placement p : placed) {
        out.append("- ").append(MarkdownText.code(p.target()));
        if (!p.target().equals(p.source())) {
          out.append(" (written as ").append(MarkdownText.code(p.source())).append(")");
        }
        out.append('\n');
      }
      for (Conflict c : lost) {
        out.append("- ")
            .append(MarkdownText.code(c.path()))
            .append(": replaced by the version of ")
            .append(String.join(", ", ConflictSection.keptTasks(c)))
            .append('\n');
      }
    }
    if (result != null && result.rawDirectory() != null) {
      Path raw =
          outputDirectory
              .toAbsolutePath()
              .relativize(outputDirectory.toAbsolutePath().resolve(result.rawDirectory()));
      out.append("\nRaw output: ")
          .append(MarkdownText.code(raw.toString().replace('\\', '/') + "/"));
      out.append(
          result.status() == TaskStatus.COMPLETED
              ? "\n"
              : " (not consolidated: only completed tasks are)\n");
    }
  }

  private static void assembly(StringBuilder out, Consolidation consolidation) {
    out.append("\n## How this project was assembled\n\n");
    out.append(
        "- Every task ran in its own directory, `executor_<k>/<task_id>/`; those raw outputs are"
            + " kept as they were written.\n"
            + "- The files of the completed tasks were merged here, tasks taken in dependency"
            + " order: test files (by the conventions of each language) into `tests/`,"
            + " documentation into `docs/`, everything else into `src/`, each file keeping its"
            + " path below the `src/`, `tests/` or `docs/` it was written in.\n"
            + "- When tasks wrote the same file, the version of a task that depends on the"
            + " others replaced theirs; versions of tasks that do not depend on each other were"
            + " all kept, the later ones with their task id before the extension.\n"
            + "- Each task's own `README.md` is included in its section above.\n"
            + "- `docs/execution_plan.json` and `docs/execution_summary.json` are copies of the"
            + " plan and of the measured results.\n");
    List<SkippedFile> skipped = consolidation.skipped();
    if (!skipped.isEmpty()) {
      out.append("- Files left out (they remain in the raw outputs):\n");
      skipped.stream()
          .collect(
              Collectors.groupingBy(SkippedFile::reason, LinkedHashMap::new, Collectors.counting()))
          .forEach(
              (reason, count) ->
                  out.append("  - ")
                      .append(count)
                      .append(count == 1 ? " file: " : " files: ")
                      .append(MarkdownText.line(reason))
                      .append('\n'));
    }
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
