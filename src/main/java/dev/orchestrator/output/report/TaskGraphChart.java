package dev.orchestrator.output.report;

import dev.orchestrator.output.report.ReportModel.Edge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The task graph as inline SVG, laid out by {@link TaskGraphLayout}: dependencies on the left,
 * dependents to the right, nodes coloured by outcome, the critical path outlined and its edges
 * drawn bold.
 */
final class TaskGraphChart {

  static final int MARGIN = 12;
  static final int NODE_WIDTH = 176;
  static final int NODE_HEIGHT = 40;
  static final int COLUMN_STEP = NODE_WIDTH + 64;
  static final int ROW_STEP = NODE_HEIGHT + 16;

  private static final int NAME_CHARACTERS = 25;

  /**
   * The most tasks drawn. A larger graph is past reading in a browser (a 10,000-task plan made an
   * SVG hundreds of megabytes tall) and its layout took longer than the run; the task table and
   * execution_plan.json still list every task.
   */
  static final int LARGEST_DRAWN = 1_000;

  private TaskGraphChart() {}

  /** The chart of a model's tasks and dependencies. */
  static String svg(ReportModel model) {
    return svg(model, LARGEST_DRAWN);
  }

  static String svg(ReportModel model, int largestDrawn) {
    List<TaskRow> tasks = model.tasks();
    if (tasks.size() > largestDrawn) {
      double width = 2 * MARGIN + 3 * COLUMN_STEP;
      double height = 2 * MARGIN + NODE_HEIGHT;
      return Svg.open("graph", width, height, "Task graph")
          + Svg.text(
              "caption",
              width / 2,
              height / 2,
              "middle",
              "Not drawn: "
                  + tasks.size()
                  + " tasks, more than the "
                  + largestDrawn
                  + " a drawing can show. The table below lists them all.")
          + "</svg>\n";
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      index.put(tasks.get(i).id(), i);
    }
    List<List<Integer>> waitsFor = new ArrayList<>();
    tasks.forEach(t -> waitsFor.add(new ArrayList<>()));
    for (Edge edge : model.dependencies()) {
      waitsFor.get(index.get(edge.dependent())).add(index.get(edge.dependency()));
    }
    int[][] dependencies = new int[tasks.size()][];
    for (int i = 0; i < tasks.size(); i++) {
      dependencies[i] = waitsFor.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    TaskGraphLayout layout = TaskGraphLayout.of(dependencies);
    List<String> path = model.criticalPath();
    Set<String> critical = new HashSet<>(path);
    Set<Edge> criticalEdges = new HashSet<>();
    for (int k = 1; k < path.size(); k++) {
      criticalEdges.add(new Edge(path.get(k - 1), path.get(k)));
    }
    double width =
        2 * MARGIN + Math.max(1, layout.columns()) * COLUMN_STEP - (COLUMN_STEP - NODE_WIDTH);
    double height = 2 * MARGIN + Math.max(1, layout.rows()) * ROW_STEP - (ROW_STEP - NODE_HEIGHT);
    StringBuilder svg = new StringBuilder(Svg.open("graph", width, height, "Task graph"));
    svg.append("<defs>")
        .append(arrow("graph-arrow", "arrow"))
        .append(arrow("graph-arrow-critical", "arrow critical"))
        .append("</defs>\n");
    if (tasks.isEmpty()) {
      svg.append(Svg.text("caption", width / 2, height / 2, "middle", "The plan has no tasks."));
    }
    // Ordinary edges first, so the critical ones are drawn over them.
    for (boolean drawCritical : new boolean[] {false, true}) {
      for (int[] route : layout.routes()) {
        String from = tasks.get(route[0]).id();
        String to = tasks.get(route[route.length - 1]).id();
        if (criticalEdges.contains(new Edge(from, to)) == drawCritical) {
          svg.append(edge(layout, route, from, to, drawCritical));
        }
      }
    }
    for (int i = 0; i < tasks.size(); i++) {
      svg.append(node(layout, i, tasks.get(i), critical.contains(tasks.get(i).id())));
    }
    return svg.append("</svg>\n").toString();
  }

  /** Left edge of a column. */
  static double x(int column) {
    return MARGIN + column * COLUMN_STEP;
  }

  /** Top of a slot: each column is centred on the tallest one. */
  static double y(TaskGraphLayout layout, int slot) {
    int column = layout.column(slot);
    double offset = (layout.rows() - layout.columnSize(column)) * ROW_STEP / 2.0;
    return MARGIN + offset + layout.row(slot) * ROW_STEP;
  }

  private static String arrow(String id, String cssClass) {
    return "<marker id=\""
        + id
        + "\" class=\""
        + cssClass
        + "\" viewBox=\"0 0 8 8\" refX=\"8\""
        + " refY=\"4\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\""
        + " orient=\"auto\">"
        + "<path d=\"M0,0 L8,4 L0,8 z\"/></marker>";
  }

  private static String edge(
      TaskGraphLayout layout, int[] route, String from, String to, boolean critical) {
    double middle = NODE_HEIGHT / 2.0;
    double x = x(layout.column(route[0])) + NODE_WIDTH;
    double y = y(layout, route[0]) + middle;
    StringBuilder d =
        new StringBuilder("M").append(Svg.number(x)).append(',').append(Svg.number(y));
    for (int k = 1; k < route.length; k++) {
      double nextX = x(layout.column(route[k]));
      double nextY = y(layout, route[k]) + middle;
      double bend = (x + nextX) / 2;
      d.append(" C")
          .append(Svg.number(bend))
          .append(',')
          .append(Svg.number(y))
          .append(' ')
          .append(Svg.number(bend))
          .append(',')
          .append(Svg.number(nextY))
          .append(' ')
          .append(Svg.number(nextX))
          .append(',')
          .append(Svg.number(nextY));
      x = nextX;
      y = nextY;
      if (!layout.isNode(route[k])) {
        // A placeholder: pass straight through its column.
        x += NODE_WIDTH;
        d.append(" L").append(Svg.number(x)).append(',').append(Svg.number(y));
      }
    }
    String marker = critical ? "graph-arrow-critical" : "graph-arrow";
    return "<path class=\"edge"
        + (critical ? " critical" : "")
        + "\" data-from=\""
        + Html.escape(from)
        + "\" data-to=\""
        + Html.escape(to)
        + "\" d=\""
        + d
        + "\" marker-end=\"url(#"
        + marker
        + ")\">"
        + Svg.title(to + " waits for " + from)
        + "</path>\n";
  }

  private static String node(TaskGraphLayout layout, int slot, TaskRow task, boolean critical) {
    double x = x(layout.column(slot));
    double y = y(layout, slot);
    String title =
        task.id()
            + " · "
            + task.name()
            + "\n"
            + Figures.outcome(task.status().label())
            + (task.duration() == null ? "" : " · " + Figures.duration(task.duration()))
            + " · estimate "
            + Figures.duration(task.estimate())
            + (critical ? " · on the critical path" : "");
    return "<g class=\"node "
        + task.status().label()
        + (critical ? " critical" : "")
        + "\" data-task=\""
        + Html.escape(task.id())
        + "\" data-depth=\""
        + layout.column(slot)
        + "\">"
        + Svg.title(title)
        + Svg.rect("", x, y, NODE_WIDTH, NODE_HEIGHT, 6, null)
        + Svg.text("node-id", x + 8, y + 16, "start", Html.shorten(task.id(), NAME_CHARACTERS))
        + Svg.text("node-name", x + 8, y + 32, "start", Html.shorten(task.name(), NAME_CHARACTERS))
        + "</g>\n";
  }
}
