package dev.orchestrator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.Json;
import dev.orchestrator.RunLayout;
import dev.orchestrator.UsageException;
import dev.orchestrator.output.report.ReportModel;
import dev.orchestrator.output.report.RunReport;
import dev.orchestrator.plan.EstimatedDuration;
import dev.orchestrator.plan.FileConflicts;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.PlanValidator;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.plan.TaskStatus;
import dev.orchestrator.run.OutputDirectory;
import dev.orchestrator.schedule.Forecast;
import dev.orchestrator.schedule.OrderSearch;
import dev.orchestrator.schedule.Schedule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code orchestrator simulate --plan FILE [-m N | --sweep A..B]}: the makespan a plan is predicted
 * to take, by the ready queue and dispatch order of a real run on a virtual clock, and the executor
 * budget to give it.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Predict the makespan of a plan on a virtual clock.",
      "Each task takes its estimated duration; the ready queue and the dispatch order are those of"
          + " a real run. With --sweep, advise a budget: the fewest executors within 5%% of the"
          + " best makespan of the sweep."
    })
final class SimulateCommand implements Callable<Integer> {

  @ParentCommand OrchestratorCommand parent;

  @Option(
      names = "--plan",
      paramLabel = "FILE",
      required = true,
      description = "The plan to simulate (execution_plan.json).")
  Path planFile;

  @ArgGroup(exclusive = true)
  Budget budget = new Budget();

  @Option(
      names = {"-o", "--output-dir"},
      paramLabel = "DIR",
      description =
          "Also write report.html of the predicted schedule into DIR (for a sweep: of the"
              + " recommended budget).")
  Path reportDirectory;

  @Mixin JsonOption output;

  /** Either one executor count or a range of them. */
  static final class Budget {
    @Option(
        names = {"-m", "--max-executors"},
        paramLabel = "N",
        description = "Executors M (default: the plan's executor_budget).")
    Integer executors;

    @Option(
        names = "--sweep",
        paramLabel = "A..B",
        converter = RangeConverter.class,
        description = "Simulate every executor count from A to B and recommend one.")
    Range sweep;
  }

  @Override
  public Integer call() {
    Plan plan = PlanJson.read(planFile);
    TaskGraph graph = TaskGraph.of(plan);
    int[][] conflicts = FileConflicts.adjacency(plan, graph);
    int from;
    int to;
    if (budget.sweep != null) {
      from = budget.sweep.from();
      to = budget.sweep.to();
    } else {
      from = budget.executors != null ? budget.executors : plan.executorBudget();
      to = from;
      if (from < 1) {
        throw new UsageException(
            "the executor budget must be at least 1, was " + from + "; give one with -m N");
      }
    }
    if (to > PlanValidator.MAX_EXECUTORS) {
      // As for runs: each simulated executor costs memory, and more than the tasks is a typo.
      throw new UsageException(
          "the executor budget must be at most "
              + PlanValidator.MAX_EXECUTORS
              + ", was "
              + to
              + "; give a smaller -m N or --sweep A..B");
    }
    List<Forecast> forecasts = new ArrayList<>();
    for (int m = from; m <= to; m++) {
      forecasts.add(Forecast.of(plan, graph, conflicts, m, OrderSearch.DEFAULT_BUDGET));
    }
    Forecast recommended = budget.sweep != null ? Forecast.recommended(forecasts) : null;
    if (reportDirectory != null) {
      writeReport(plan, recommended != null ? recommended : forecasts.get(0));
    }
    if (output.json) {
      printJson(graph, forecasts, recommended);
    } else {
      printText(graph, forecasts, recommended);
    }
    parent.out.flush();
    return Cli.OK;
  }

  private void writeReport(Plan plan, Forecast forecast) {
    Schedule schedule = forecast.schedule();
    int n = schedule.size();
    long[] start = new long[n];
    long[] end = new long[n];
    int[] executor = new int[n];
    TaskStatus[] status = new TaskStatus[n];
    for (int t = 0; t < n; t++) {
      start[t] = schedule.start(t);
      end[t] = schedule.end(t);
      executor[t] = schedule.executor(t);
      status[t] = schedule.status(t);
    }
    requireReportDirectory(reportDirectory);
    try {
      Files.createDirectories(reportDirectory);
    } catch (IOException e) {
      throw new UsageException(
          "cannot create "
              + reportDirectory
              + " ("
              + e.getMessage()
              + "); choose a directory you can write to with -o");
    }
    Path file =
        RunReport.write(
            reportDirectory,
            ReportModel.fromSchedule(plan, start, end, executor, status, forecast.executors()));
    if (!output.json) {
      parent.out.println("Report: " + file);
    }
  }

  // A report goes into a run's directory, a new one, or one that holds only an earlier report:
  // never over a user's report.html.
  private static void requireReportDirectory(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UsageException(dir + " is a file, not a directory; choose another -o");
    }
    Path report = RunLayout.report(dir);
    if (Files.exists(report) && !OutputDirectory.isRun(dir)) {
      try (var entries = Files.list(dir)) {
        if (entries.count() > 1) {
          throw new UsageException(
              dir
                  + " is not an orchestrator run and already has a "
                  + RunLayout.REPORT
                  + "; choose another -o");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir, e);
      }
    }
  }

  private void printText(TaskGraph graph, List<Forecast> forecasts, Forecast recommended) {
    PrintWriter out = parent.out;
    out.printf(
        "Plan: %s (%d tasks, total work %s)%n", planFile, graph.size(), time(graph.totalWork()));
    out.printf(
        "Critical path: %s (%s)%n",
        String.join(" -> ", graph.criticalPath()), time(graph.criticalPathLength()));
    out.println();
    if (recommended == null) {
      Forecast f = forecasts.get(0);
      out.printf("Executors: %d%n", f.executors());
      out.printf(
          "Predicted makespan: %s (critical-path order alone: %s)%n",
          time(f.makespan()), time(f.criticalPathMakespan()));
      out.printf(Locale.ROOT, "Executor utilisation: %.1f%%%n", 100 * f.utilisation());
      out.printf(
          "Lower bound: %s = max(critical path %s, total work / %d = %s)%n",
          time(f.lowerBound()),
          time(graph.criticalPathLength()),
          f.executors(),
          time(graph.totalWork() / f.executors()));
      if (f.bestPossible()) {
        out.println("No dispatch order finishes this plan sooner on these executors.");
      }
      return;
    }
    out.printf(
        "%9s  %-11s %11s  %-11s  %s%n",
        "executors", "makespan", "utilisation", "lower bound", "critical-path order");
    for (Forecast f : forecasts) {
      String row =
          String.format(
              Locale.ROOT,
              "%9d  %-11s %10.1f%%  %-11s  %-19s%s",
              f.executors(),
              time(f.makespan()),
              100 * f.utilisation(),
              time(f.lowerBound()),
              time(f.criticalPathMakespan()),
              f == recommended ? "  <- recommended" : "");
      out.println(row.stripTrailing());
    }
    Forecast best =
        forecasts.stream().min((a, b) -> Long.compare(a.makespan(), b.makespan())).get();
    out.println();
    out.printf(
        "Recommended budget: %d executors (makespan %s; the best of the sweep is %s, with %d)%n",
        recommended.executors(),
        time(recommended.makespan()),
        time(best.makespan()),
        best.executors());
  }

  private void printJson(TaskGraph graph, List<Forecast> forecasts, Forecast recommended) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("plan", planFile.toString());
    root.put("tasks", graph.size());
    root.put("total_work_ms", graph.totalWork());
    root.put("critical_path_ms", graph.criticalPathLength());
    ArrayNode path = root.putArray("critical_path");
    graph.criticalPath().forEach(path::add);
    ArrayNode array = root.putArray("forecasts");
    for (Forecast f : forecasts) {
      ObjectNode node = array.addObject();
      node.put("executors", f.executors());
      node.put("makespan_ms", f.makespan());
      node.put("utilisation", f.utilisation());
      node.put("lower_bound_ms", f.lowerBound());
      node.put("critical_path_order_makespan_ms", f.criticalPathMakespan());
      node.put("best_possible", f.bestPossible());
    }
    if (recommended == null) {
      root.putNull("recommended_executors");
    } else {
      root.put("recommended_executors", recommended.executors());
    }
    try {
      parent.out.println(Json.mapper().writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree failed to serialise", e);
    }
  }

  private static String time(long millis) {
    return EstimatedDuration.format(Duration.ofMillis(millis));
  }

  /** Executor counts from {@code from} to {@code to}, both included. */
  record Range(int from, int to) {}

  /** Reads {@code A..B} with {@code 1 <= A <= B} and at most {@link #MAX_SIZE} counts. */
  static final class RangeConverter implements ITypeConverter<Range> {
    /** Each count is a search of up to {@link OrderSearch#DEFAULT_BUDGET}. */
    static final int MAX_SIZE = 64;

    private static final Pattern RANGE = Pattern.compile("(\\d{1,4})\\.\\.(\\d{1,4})");

    @Override
    public Range convert(String value) {
      Matcher m = RANGE.matcher(value.trim());
      if (!m.matches()) {
        throw new TypeConversionException(
            "'" + value + "' is not a range of executor counts; write it as A..B, e.g. 1..8");
      }
      int from = Integer.parseInt(m.group(1));
      int to = Integer.parseInt(m.group(2));
      if (from < 1 || to < from) {
        throw new TypeConversionException(
            "'" + value + "' must go from at least 1 up to a count no smaller, e.g. 1..8");
      }
      if (to - from >= MAX_SIZE) {
        throw new TypeConversionException(
            "'"
                + value
                + "' spans "
                + (to - from + 1)
                + " executor counts; sweep at most "
                + MAX_SIZE
                + " at a time, e.g. "
                + from
                + ".."
                + (from + MAX_SIZE - 1));
      }
      return new Range(from, to);
    }
  }
}
