package dev.orchestrator.output.report;

import static dev.orchestrator.output.report.Html.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The per-task table. A column whose figure was measured for no task at all (tokens when no model
 * ran, files in a simulation) is left out; otherwise a missing figure reads "not measured". A dash
 * means the figure does not apply (the executor of a task that never started).
 */
final class TaskTable {

  private static final String DASH = "—";

  private enum Style {
    TEXT(""),
    NUMBER("number"),
    STATUS(""),
    ERROR("error");

    final String cssClass;

    Style(String cssClass) {
      this.cssClass = cssClass;
    }
  }

  /** A column; its value is null when the figure was not measured. */
  private record Column(String heading, Style style, Function<TaskRow, String> value) {}

  private TaskTable() {}

  static String render(List<TaskRow> tasks) {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("Id", Style.TEXT, TaskRow::id));
    columns.add(new Column("Name", Style.TEXT, TaskRow::name));
    columns.add(new Column("Status", Style.STATUS, t -> Figures.outcome(t.status().label())));
    columns.add(
        new Column("Executor", Style.NUMBER, t -> t.executor() == null ? DASH : "" + t.executor()));
    columns.add(new Column("Attempts", Style.NUMBER, t -> "" + t.attempts()));
    columns.add(
        new Column(
            "Duration",
            Style.NUMBER,
            t -> t.duration() == null ? DASH : Figures.duration(t.duration())));
    columns.add(new Column("Estimate", Style.NUMBER, t -> Figures.duration(t.estimate())));
    addIfMeasured(
        columns, tasks, "Files", Style.NUMBER, TaskRow::files, files -> Figures.count(files));
    addIfMeasured(columns, tasks, "Lines", Style.NUMBER, TaskRow::lines, Figures::count);
    addIfMeasured(columns, tasks, "Tokens", Style.NUMBER, TaskRow::usage, OverviewSection::tokens);
    addIfMeasured(
        columns,
        tasks,
        "Cost",
        Style.NUMBER,
        t -> t.usage() == null ? null : t.usage().costUsd(),
        Figures::dollars);
    addIfMeasured(columns, tasks, "Sandbox", Style.TEXT, TaskRow::sandbox, Function.identity());
    columns.add(new Column("Error", Style.ERROR, t -> t.error() == null ? "" : t.error()));

    StringBuilder html = new StringBuilder("<table class=\"tasks\">\n<thead><tr>");
    for (Column column : columns) {
      html.append("<th>").append(escape(column.heading())).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (TaskRow task : tasks) {
      html.append("<tr class=\"")
          .append(task.status().label())
          .append("\" data-task=\"")
          .append(escape(task.id()))
          .append("\">");
      for (Column column : columns) {
        cell(html, column, task);
      }
      html.append("</tr>\n");
    }
    return html.append("</tbody>\n</table>\n").toString();
  }

  private static void cell(StringBuilder html, Column column, TaskRow task) {
    String value = column.value().apply(task);
    String css = column.style().cssClass;
    html.append(css.isEmpty() ? "<td>" : "<td class=\"" + css + "\">");
    if (value == null) {
      html.append("<span class=\"not-measured\">").append(Figures.NOT_MEASURED).append("</span>");
    } else if (column.style() == Style.STATUS) {
      html.append("<span class=\"status ")
          .append(task.status().label())
          .append("\">")
          .append(escape(value))
          .append("</span>");
    } else {
      html.append(escape(value));
    }
    html.append("</td>");
  }

  /** Adds the column of a nullable figure unless no task has it. */
  private static <T> void addIfMeasured(
      List<Column> columns,
      List<TaskRow> tasks,
      String heading,
      Style style,
      Function<TaskRow, T> figure,
      Function<? super T, String> format) {
    if (tasks.stream().map(figure).anyMatch(Objects::nonNull)) {
      columns.add(
          new Column(
              heading,
              style,
              t -> {
                T value = figure.apply(t);
                return value == null ? null : format.apply(value);
              }));
    }
  }
}
