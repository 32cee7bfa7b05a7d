package dev.orchestrator.output.report;

import static dev.orchestrator.output.report.Html.escape;

import dev.orchestrator.output.report.ReportModel.Kind;
import dev.orchestrator.plan.PlanForecast;
import dev.orchestrator.plan.TaskStatus;
import dev.orchestrator.usage.TokenUsage;
import java.time.Duration;
import java.util.Locale;

/**
 * The figures at the top of the report. Measured times and the plan's estimates have different
 * units in a run (seconds against plan hours), so they are compared only with their own kind: the
 * makespan against the bound from the measured durations, the estimated critical path against the
 * estimated work. A figure that was not measured says so.
 */
final class OverviewSection {

  private final StringBuilder html = new StringBuilder();

  private OverviewSection() {}

  static String render(ReportModel model) {
    OverviewSection section = new OverviewSection();
    section.write(model);
    return section.html.toString();
  }

  private void write(ReportModel model) {
    Overview o = model.overview();
    boolean run = model.kind() == Kind.RUN;
    html.append("<section id=\"summary\">\n<h2>Summary</h2>\n<dl class=\"figures\">\n");
    int total = model.tasks().size();
    figure(
        "Tasks",
        count(model, TaskStatus.COMPLETED) + " of " + total + " completed",
        count(model, TaskStatus.FAILED)
            + " failed · "
            + count(model, TaskStatus.SKIPPED)
            + " skipped · "
            + count(model, TaskStatus.NOT_STARTED)
            + " not started");
    if (run) {
      figure("Wall time", duration(o.wallTime()), "start to end of the whole run");
    }
    String unit = run ? "measured" : "virtual clock: each task takes its estimate";
    figure(
        "Makespan",
        o.makespan() == null ? "no task ran" : Figures.duration(o.makespan()),
        "first task start to last task end, " + unit);
    Duration bound = o.lowerBound();
    figure(
        "Lower bound",
        Figures.duration(bound),
        "max(longest chain "
            + Figures.duration(o.longestChain())
            + ", busy "
            + Figures.duration(o.busyTime())
            + " / "
            + o.executors()
            + " executors), from the "
            + (run ? "measured" : "simulated")
            + " task durations");
    if (o.makespan() != null && Figures.ratio(o.makespan(), bound) != null) {
      figure(
          "Makespan / bound",
          Figures.ratio(o.makespan(), bound),
          "1.00× means no schedule could have been shorter");
    }
    speedup(o);
    figure(
        "Executor utilisation",
        o.utilisation() == null ? null : Figures.percent(o.utilisation()),
        "busy time / (" + o.executors() + " executors × makespan)");
    figure(
        run ? "Plan estimate" : "Plan",
        "critical path " + Figures.duration(o.estimatedCriticalPath()),
        "total work "
            + Figures.duration(o.estimatedTotalWork())
            + ", bound "
            + Figures.duration(o.estimatedLowerBound())
            + (run
                ? "; in the plan's estimated units, not comparable with the measured times"
                : ""));
    if (run) {
      figure(
          "Output",
          o.filesCreated() == null ? null : Figures.count(o.filesCreated()) + " files",
          o.linesOfCode() == null ? "" : Figures.count(o.linesOfCode()) + " non-blank lines");
      TokenUsage usage = o.usage();
      figure(
          "Tokens", usage == null ? null : tokens(usage), usage == null ? "no model was used" : "");
      figure(
          "Cost",
          usage == null || usage.costUsd() == null ? null : Figures.dollars(usage.costUsd()),
          usage != null && usage.costUsd() == null ? "no price known for some model" : "");
    }
    html.append("</dl>\n");
    if (!run) {
      html.append(
          "<p class=\"note\">A simulation: every task takes its estimated duration on a virtual"
              + " clock; files, tokens and cost are not measured.</p>\n");
    }
    html.append("</section>\n");
  }

  // Busy time over makespan, next to what simulate predicted before the run (in plan units).
  private void speedup(Overview o) {
    PlanForecast f = o.forecast();
    String planned =
        f == null
            ? ""
            : String.format(
                Locale.ROOT,
                "; planned %.2f× on %d executors (predicted makespan %s), simulate recommends %d",
                f.speedup(),
                f.executors(),
                Figures.duration(f.makespan()),
                f.recommendedExecutors());
    figure(
        "Speed-up",
        o.makespan() == null ? null : Figures.ratio(o.busyTime(), o.makespan()),
        "busy time / makespan, the gain over one executor" + planned);
  }

  /** One figure; a null value is shown as not measured. */
  private void figure(String name, String value, String detail) {
    html.append("<div><dt>").append(escape(name)).append("</dt><dd>");
    if (value == null) {
      html.append("<span class=\"not-measured\">").append(Figures.NOT_MEASURED).append("</span>");
    } else {
      html.append(escape(value));
    }
    if (!detail.isEmpty()) {
      html.append("<small>").append(escape(detail)).append("</small>");
    }
    html.append("</dd></div>\n");
  }

  static String tokens(TokenUsage usage) {
    String text =
        Figures.count(usage.inputTokens())
            + " in · "
            + Figures.count(usage.outputTokens())
            + " out";
    long cached = usage.cacheReadTokens() + usage.cacheWriteTokens();
    return cached == 0
        ? text
        : text
            + " · "
            + Figures.count(usage.cacheReadTokens())
            + " cache read · "
            + Figures.count(usage.cacheWriteTokens())
            + " cache write";
  }

  private static String duration(Duration duration) {
    return duration == null ? null : Figures.duration(duration);
  }

  private static long count(ReportModel model, TaskStatus status) {
    return model.tasks().stream().filter(t -> t.status() == status).count();
  }
}
