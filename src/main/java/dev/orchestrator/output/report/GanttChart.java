package dev.orchestrator.output.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The executors' timeline as inline SVG: one lane per executor, one bar per attempt, coloured by
 * its outcome, the idle time between bars hatched, and a time axis. Geometry is in SVG user units
 * (pixels at 100 %); the pure {@link #place} and {@link #ticks} are what the drawing is made of.
 */
final class GanttChart {

  static final int LABEL_WIDTH = 96;
  static final int PLOT_WIDTH = 860;
  static final int BUSY_WIDTH = 96;
  static final int TOP = 8;
  static final int LANE_HEIGHT = 30;
  static final int BAR_HEIGHT = 20;
  static final int AXIS_HEIGHT = 40;

  /** A bar is at least this wide, so that an instant task is still visible. */
  static final double MIN_BAR_WIDTH = 2;

  private static final double CHAR_WIDTH = 7;
  private static final int MAX_TICKS = 10;
  private static final long[] STEPS = {
    1,
    2,
    5,
    10,
    20,
    50,
    100,
    200,
    500,
    1_000,
    2_000,
    5_000,
    10_000,
    15_000,
    30_000,
    60_000,
    120_000,
    300_000,
    600_000,
    900_000,
    1_800_000,
    3_600_000,
    7_200_000,
    10_800_000,
    21_600_000,
    43_200_000,
    86_400_000
  };

  /** A bar where it is drawn. */
  record PlacedBar(Bar bar, int lane, double x, double y, double width, double height) {}

  private GanttChart() {}

  /** The horizontal position of a time, {@code 0 ≤ millis ≤ horizon}. */
  static double x(long millis, long horizonMillis) {
    return LABEL_WIDTH + (double) millis * PLOT_WIDTH / horizonMillis;
  }

  /** Every bar of every lane, lane {@code k} (from 0) drawn {@code k} lanes below the top. */
  static List<PlacedBar> place(List<Lane> lanes, long horizonMillis) {
    List<PlacedBar> placed = new ArrayList<>();
    for (int k = 0; k < lanes.size(); k++) {
      for (Bar bar : lanes.get(k).bars()) {
        double x = x(bar.startMillis(), horizonMillis);
        double width = Math.max(MIN_BAR_WIDTH, x(bar.endMillis(), horizonMillis) - x);
        double y = TOP + k * LANE_HEIGHT + (LANE_HEIGHT - BAR_HEIGHT) / 2.0;
        placed.add(new PlacedBar(bar, k, x, y, width, BAR_HEIGHT));
      }
    }
    return placed;
  }

  /**
   * Tick times from 0 up to the horizon, a round step apart (1, 2, 5 × 10ⁿ ms, then whole seconds,
   * minutes and hours), at most about ten of them.
   */
  static List<Long> ticks(long horizonMillis) {
    long step = step(horizonMillis);
    List<Long> ticks = new ArrayList<>();
    for (long t = 0; t <= horizonMillis; t += step) {
      ticks.add(t);
    }
    return ticks;
  }

  static long step(long horizonMillis) {
    for (long step : STEPS) {
      if (horizonMillis / step <= MAX_TICKS) {
        return step;
      }
    }
    long day = STEPS[STEPS.length - 1];
    return day * (long) Math.ceil(horizonMillis / (double) day / MAX_TICKS);
  }

  /** The chart of a model; {@code axisCaption} says what the times are. */
  static String svg(ReportModel model, String axisCaption) {
    long horizon = model.horizonMillis();
    List<Lane> lanes = model.lanes();
    int width = LABEL_WIDTH + PLOT_WIDTH + BUSY_WIDTH;
    int plotBottom = TOP + lanes.size() * LANE_HEIGHT;
    int height = plotBottom + AXIS_HEIGHT;
    StringBuilder svg = new StringBuilder(Svg.open("gantt", width, height, "Executor timeline"));
    svg.append("<defs><pattern id=\"gantt-idle\" width=\"6\" height=\"6\"")
        .append(" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
        .append("<rect class=\"idle-ground\" width=\"6\" height=\"6\"/>")
        .append("<line class=\"idle-hatch\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/>")
        .append("</pattern></defs>\n");
    long step = step(horizon);
    for (long t : ticks(horizon)) {
      double x = x(t, horizon);
      svg.append(Svg.line("grid", x, TOP, x, plotBottom + 4))
          .append(Svg.text("tick", x, plotBottom + 17, "middle", Figures.tick(t, step)));
    }
    List<long[]> noTask = noTask(lanes, horizon);
    for (long[] span : noTask) {
      // Not an executor's idle time: no executor had a task, as while the verify step tests the
      // project between repair rounds, or before the first and after the last task.
      double x = x(span[0], horizon);
      double spanWidth = x(span[1], horizon) - x;
      if (spanWidth >= 1) {
        String title =
            "no task running "
                + Figures.duration(Duration.ofMillis(span[1] - span[0]))
                + " ("
                + Figures.duration(Duration.ofMillis(span[0]))
                + " → "
                + Figures.duration(Duration.ofMillis(span[1]))
                + "): the run was between steps, e.g. the verify step's tests";
        svg.append(Svg.rect("no-task", x, TOP, spanWidth, plotBottom - TOP, 0, title));
      }
    }
    for (int k = 0; k < lanes.size(); k++) {
      lane(svg, lanes.get(k), k, horizon, noTask);
    }
    for (PlacedBar bar : place(lanes, horizon)) {
      bar(svg, bar);
    }
    for (ReportModel.Resume resume : model.resumes()) {
      double x = x(resume.atMillis(), horizon);
      svg.append("<g class=\"resume\">")
          .append(
              Svg.title(
                  "resumed after a pause of "
                      + Figures.duration(resume.pause())
                      + ", which is not on the timeline nor counted"))
          .append(Svg.line("resume", x, TOP - 4, x, plotBottom + 4))
          .append("</g>\n");
    }
    return svg.append(
            Svg.line("axis", LABEL_WIDTH, plotBottom, LABEL_WIDTH + PLOT_WIDTH, plotBottom))
        .append(
            Svg.text("caption", LABEL_WIDTH + PLOT_WIDTH / 2.0, height - 4, "middle", axisCaption))
        .append("</svg>\n")
        .toString();
  }

  /** The spans of {@code 0..horizon} where no lane has a bar, in time order. */
  static List<long[]> noTask(List<Lane> lanes, long horizon) {
    List<Bar> bars = new ArrayList<>();
    lanes.forEach(lane -> bars.addAll(lane.bars()));
    bars.sort(java.util.Comparator.comparingLong(Bar::startMillis));
    List<long[]> spans = new ArrayList<>();
    long cursor = 0;
    for (Bar bar : bars) {
      if (bar.startMillis() > cursor) {
        spans.add(new long[] {cursor, bar.startMillis()});
      }
      cursor = Math.max(cursor, bar.endMillis());
    }
    if (horizon > cursor) {
      spans.add(new long[] {cursor, horizon});
    }
    return spans;
  }

  private static void lane(StringBuilder svg, Lane lane, int k, long horizon, List<long[]> noTask) {
    double top = TOP + k * LANE_HEIGHT;
    double middle = top + LANE_HEIGHT / 2.0 + 4;
    String name = "Executor " + lane.executor();
    svg.append("<g class=\"lane\" data-executor=\"").append(lane.executor()).append("\">");
    List<String> workers = lane.workers();
    if (workers.isEmpty()) {
      svg.append(Svg.text("lane-label", LABEL_WIDTH - 8, middle, "end", name));
    } else {
      // Under --engine temporal an executor is a slot of the run's budget; its attempts may have
      // run in different worker processes.
      svg.append("<g class=\"lane-workers\">")
          .append(Svg.title(name + " ran on worker " + String.join(", ", workers)))
          .append(Svg.text("lane-label", LABEL_WIDTH - 8, middle, "end", name))
          .append("</g>");
    }
    long cursor = 0;
    for (Bar bar : lane.bars()) {
      idle(svg, name, cursor, bar.startMillis(), top, horizon, noTask);
      cursor = Math.max(cursor, bar.endMillis());
    }
    idle(svg, name, cursor, horizon, top, horizon, noTask);
    String busy = "busy " + Figures.duration(Duration.ofMillis(lane.busyMillis()));
    svg.append(Svg.text("lane-busy", LABEL_WIDTH + PLOT_WIDTH + 8, middle, "start", busy))
        .append("</g>\n");
  }

  /**
   * Hatched stretches where the executor had no task while another had one, each when it is at
   * least a pixel wide.
   */
  private static void idle(
      StringBuilder svg,
      String executor,
      long from,
      long to,
      double top,
      long horizon,
      List<long[]> noTask) {
    long start = from;
    // The spans are sorted and apart: start at the first that ends after the gap begins, not at
    // the first of the run (a 10,000-task run has thousands of spans and of gaps).
    for (int i = firstEndingAfter(noTask, start); i < noTask.size(); i++) {
      long[] span = noTask.get(i);
      if (span[0] >= to) {
        break;
      }
      idle(svg, executor, start, Math.max(start, span[0]), top, horizon);
      start = Math.max(start, span[1]);
    }
    if (start < to) {
      idle(svg, executor, start, to, top, horizon);
    }
  }

  private static int firstEndingAfter(List<long[]> spans, long time) {
    int low = 0;
    int high = spans.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (spans.get(middle)[1] <= time) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private static void idle(
      StringBuilder svg, String executor, long from, long to, double top, long horizon) {
    double x = x(from, horizon);
    double width = x(to, horizon) - x;
    if (width < 1) {
      return;
    }
    String title =
        executor
            + " idle "
            + Figures.duration(Duration.ofMillis(to - from))
            + " ("
            + Figures.duration(Duration.ofMillis(from))
            + " → "
            + Figures.duration(Duration.ofMillis(to))
            + ")";
    double y = top + (LANE_HEIGHT - BAR_HEIGHT) / 2.0;
    svg.append(Svg.rect("idle", x, y, width, BAR_HEIGHT, 0, title));
  }

  private static void bar(StringBuilder svg, PlacedBar placed) {
    Bar bar = placed.bar();
    String outcome = bar.outcome().label();
    String title =
        bar.taskId()
            + " · "
            + bar.name()
            + "\n"
            + Figures.outcome(outcome)
            + " · "
            + Figures.duration(Duration.ofMillis(bar.durationMillis()))
            + " ("
            + Figures.duration(Duration.ofMillis(bar.startMillis()))
            + " → "
            + Figures.duration(Duration.ofMillis(bar.endMillis()))
            + ")"
            + (bar.attempts() > 1 ? " · attempt " + bar.attempt() + " of " + bar.attempts() : "")
            + (bar.worker() != null ? "\non worker " + bar.worker() : "");
    svg.append("<g class=\"bar ")
        .append(outcome)
        .append("\" data-task=\"")
        .append(Html.escape(bar.taskId()))
        .append("\" data-attempt=\"")
        .append(bar.attempt());
    if (bar.worker() != null) {
      svg.append("\" data-worker=\"").append(Html.escape(bar.worker()));
    }
    svg.append("\">")
        .append(Svg.title(title))
        .append(Svg.rect("", placed.x(), placed.y(), placed.width(), placed.height(), 3, null));
    String label = bar.taskId() + (bar.attempts() > 1 ? " #" + bar.attempt() : "");
    if (placed.width() >= label.length() * CHAR_WIDTH + 8) {
      double baseline = placed.y() + placed.height() / 2 + 4;
      svg.append(Svg.text("bar-label", placed.x() + 5, baseline, "start", label));
    }
    svg.append("</g>\n");
  }
}
