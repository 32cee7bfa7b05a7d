package dev.orchestrator.output.report;

import static dev.orchestrator.output.report.Html.escape;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.AtomicFile;
import dev.orchestrator.OrchestratorException;
import dev.orchestrator.RunLayout;
import dev.orchestrator.UsageException;
import dev.orchestrator.output.Backend;
import dev.orchestrator.output.Summary;
import dev.orchestrator.output.SummaryJson;
import dev.orchestrator.output.report.ReportModel.Kind;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page with the summary figures, the executors' timeline,
 * the task graph and a table of the tasks. It needs no network and runs no script: styles and SVG
 * are inline, and its Content-Security-Policy forbids loading anything or running scripts, a second
 * guard behind {@link Html#escape} for names that contain markup.
 *
 * <p>After a run: {@code RunReport.write(dir, ReportModel.fromRun(plan, summary))}. After a
 * simulation: {@code RunReport.write(dir, ReportModel.fromSchedule(…))}. Later, from the files of
 * an output directory: {@link #rerender}.
 */
public final class RunReport {

  /** The report's name in the output directory. */
  private static final String STYLE = style();

  private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'";
  private static final int TITLE_CHARACTERS = 80;

  private RunReport() {}

  // Says what planned and executed a run, and that simulated executors wrote placeholders.
  private static String madeBy(ReportModel model, boolean simulatedWork) {
    StringBuilder line = new StringBuilder();
    if (model.executor() != null) {
      line.append("<p class=\"made-by\">Planner: ")
          .append(escape(Backend.describePlanner(model.planner())))
          .append(" · Executor: ")
          .append(escape(model.executor().describe()))
          .append("</p>\n");
    }
    if (simulatedWork) {
      line.append(
          "<p class=\"simulation\"><strong>Simulated executors</strong> (offline, no model): the"
              + " times were measured, but the tasks' files are placeholders, not working code.</p>\n");
    }
    return line.toString();
  }

  /** The page. */
  public static String render(ReportModel model) {
    boolean run = model.kind() == Kind.RUN;
    boolean simulatedWork = model.executor() != null && model.executor().simulated();
    String heading =
        !run ? "Simulated schedule" : simulatedWork ? "Run report: a simulation" : "Run report";
    RepositoryReport repository = model.repository();
    StringBuilder html = new StringBuilder(32_768);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(POLICY)
        .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(
            escape(heading + " · " + Html.shorten(model.requirements().strip(), TITLE_CHARACTERS)))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<header>\n<h1>")
        .append(heading)
        .append("</h1>\n<p class=\"requirement\">")
        .append(escape(model.requirements().strip()))
        .append("</p>\n")
        .append(madeBy(model, simulatedWork))
        .append("</header>\n")
        .append(OverviewSection.render(model))
        .append(RepositorySection.render(repository == null ? null : repository.facts()))
        .append(VerificationSection.render(model.verification()))
        .append("<section id=\"executors\">\n<h2>Executors</h2>\n<div class=\"chart\">\n")
        .append(
            GanttChart.svg(
                model,
                run
                    ? "time since the run started (measured)"
                    : "virtual time (each task takes its estimate)"))
        .append("</div>\n")
        .append(earlierAttempts(model.overview().earlierAttempts()))
        .append(legend(true))
        .append("</section>\n<section id=\"graph\">\n<h2>Task graph</h2>\n")
        .append(
            "<p class=\"note\">Each task is in the column of its dependency depth, with what it")
        .append(" waits for to its left. The critical path, the longest chain by the plan's")
        .append(" estimates, is outlined.</p>\n<div class=\"chart\">\n")
        .append(TaskGraphChart.svg(model))
        .append("</div>\n")
        .append(legend(false))
        .append("</section>\n<section id=\"tasks\">\n<h2>Tasks</h2>\n")
        .append(TaskTable.render(model.tasks()))
        .append("</section>\n")
        .append(ChangesSection.render(repository == null ? List.of() : repository.changes()))
        .append("</body>\n</html>\n");
    return html.toString();
  }

  /**
   * Writes the page into a directory, replacing an earlier one.
   *
   * @return the file written
   * @throws UncheckedIOException if it cannot be written
   */
  public static Path write(Path directory, ReportModel model) {
    Path file = RunLayout.report(directory);
    try {
      AtomicFile.write(file, render(model));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }

  /**
   * Renders the report of a finished run again from its {@code execution_summary.json} and {@code
   * execution_plan.json}; for a run on a repository also from the summary's {@code repository}
   * object and each task's patch, {@code executor_<k>/<task>.patch}.
   *
   * @return the file written
   * @throws UsageException if either file is missing, unreadable or invalid, or they describe
   *     different tasks
   * @throws UncheckedIOException if the report cannot be written
   */
  public static Path rerender(Path outputDirectory) {
    return rerender(outputDirectory, new PatchExcerpt.Reader(outputDirectory));
  }

  static Path rerender(Path outputDirectory, PatchExcerpt.Reader patches) {
    Path summaryFile = outputDirectory.resolve(SummaryJson.FILE_NAME);
    Path planFile = outputDirectory.resolve(PlanJson.FILE_NAME);
    for (Path file : new Path[] {summaryFile, planFile}) {
      if (!Files.isRegularFile(file)) {
        throw new UsageException(
            "no "
                + file.getFileName()
                + " in "
                + outputDirectory
                + "; give the output directory of a finished run (the -o of the run), e.g."
                + " orchestrator report outputs/my-app");
      }
    }
    Summary summary;
    RepositoryFacts repository;
    try {
      summary = SummaryJson.read(summaryFile);
      repository = RepositoryFacts.read(summaryFile);
    } catch (OrchestratorException e) {
      throw new UsageException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + summaryFile, e);
    }
    Plan plan = PlanJson.read(planFile);
    ReportModel model;
    try {
      model = ReportModel.fromRun(plan, summary);
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          summaryFile
              + " does not belong to "
              + planFile
              + ": "
              + e.getMessage()
              + "; run the plan again to write a matching summary",
          e);
    }
    return write(
        outputDirectory,
        model.with(RepositoryReport.of(repository, summary, model.tasks(), patches)));
  }

  /**
   * Writes the report of the run in {@code directory} from its plan and summary and the fields
   * added to the summary: for a run on a repository, its {@code repository} object, and each task's
   * patch. What {@link #rerender} then makes from the run's files is the same page.
   *
   * @return the file written
   */
  public static Path writeRun(
      Path directory, Plan plan, Summary summary, Map<String, JsonNode> added) {
    ReportModel model = ReportModel.fromRun(plan, summary);
    RepositoryFacts repository = RepositoryFacts.from(added.get(SummaryJson.REPOSITORY));
    return write(
        directory,
        model.with(
            RepositoryReport.of(
                repository, summary, model.tasks(), new PatchExcerpt.Reader(directory))));
  }

  private static String earlierAttempts(int count) {
    return count == 0
        ? ""
        : "<p class=\"note\">Not on the timeline: "
            + count
            + (count == 1 ? " attempt" : " attempts")
            + " made before this run started, by the run it resumed.</p>\n";
  }

  private static String legend(boolean timeline) {
    List<String> keys =
        timeline
            ? List.of("completed", "failed", "timed_out", "cancelled", "idle")
            : List.of("completed", "failed", "skipped", "not_started", "critical");
    StringBuilder html = new StringBuilder("<ul class=\"legend\">");
    for (String key : keys) {
      html.append("<li><span class=\"swatch ")
          .append(key)
          .append("\"></span>")
          .append(key.equals("critical") ? "critical path" : Figures.outcome(key))
          .append("</li>");
    }
    return html.append("</ul>\n").toString();
  }

  private static String style() {
    try (InputStream in = RunReport.class.getResourceAsStream("report.css")) {
      if (in == null) {
        throw new IllegalStateException("report.css is missing from the class path");
      }
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read report.css", e);
    }
  }
}
