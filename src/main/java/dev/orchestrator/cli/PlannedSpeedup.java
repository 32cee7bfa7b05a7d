package dev.orchestrator.cli;

import dev.orchestrator.plan.EstimatedDuration;
import dev.orchestrator.plan.FileConflicts;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanForecast;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.schedule.Forecast;
import dev.orchestrator.schedule.OrderSearch;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The speed-up a plan is predicted to reach before it runs, with {@code simulate}'s own figures:
 * the makespan on the plan's M executors (searched dispatch order, file conflicts counted, every
 * task taking its estimate), the speed-up over one executor (total work / that makespan) and the
 * budget {@code simulate --sweep 1..N} recommends for its N tasks. Computed here, at the edge,
 * because planners must not depend on the dispatcher.
 */
final class PlannedSpeedup {

  /**
   * Above this many tasks the budget sweep forecasts each budget under the critical-path order
   * alone, without searching: a search per budget costs several seconds on a plan of 10,000 tasks
   * and minutes on 100,000. The forecast for the plan's own budget is still searched, as its run
   * dispatches.
   */
  static final int SEARCHED_SWEEP_LIMIT = 2_000;

  private static final Logger log = LoggerFactory.getLogger(PlannedSpeedup.class);

  private PlannedSpeedup() {}

  /** The plan with its forecast for its executor budget. */
  static Plan forecast(Plan plan) {
    TaskGraph graph = TaskGraph.of(plan);
    int[][] conflicts = FileConflicts.adjacency(plan, graph);
    int executors = plan.executorBudget();
    Forecast atBudget = Forecast.of(plan, graph, conflicts, executors, OrderSearch.DEFAULT_BUDGET);
    Duration sweepBudget = sweepBudget(plan.tasks().size());
    if (sweepBudget.isZero()) {
      log.info(
          "forecast: {} tasks, over {}: the recommended budget is forecast under the critical-path"
              + " order, without searching each budget",
          plan.tasks().size(),
          SEARCHED_SWEEP_LIMIT);
    }
    Forecast recommended =
        Forecast.recommended(plan, graph, conflicts, sweepSize(plan), sweepBudget, atBudget);
    long makespan = atBudget.makespan();
    double speedup = makespan == 0 ? 1.0 : graph.totalWork() / (double) makespan;
    return plan.withForecast(
        new PlanForecast(executors, Duration.ofMillis(makespan), speedup, recommended.executors()));
  }

  /** The three lines of a forecast; nothing for a plan without one. */
  static void print(PrintWriter out, Plan plan) {
    PlanForecast f = plan.forecast();
    if (f == null) {
      return;
    }
    out.printf(
        "Predicted makespan: %s on %s (simulate: each task takes its estimate)%n",
        EstimatedDuration.format(f.makespan()), Terminal.count(f.executors(), "executor"));
    out.printf(
        Locale.ROOT,
        "Speed-up over one executor: %.2fx (total work / predicted makespan)%n",
        f.speedup());
    out.printf(
        "Recommended budget: %s (simulate --sweep 1..%d: the fewest within 5%% of the"
            + " best makespan)%n",
        Terminal.count(f.recommendedExecutors(), "executor"), sweepSize(plan));
  }

  /** The search budget of each budget of the sweep: none above {@link #SEARCHED_SWEEP_LIMIT}. */
  static Duration sweepBudget(int tasks) {
    return tasks > SEARCHED_SWEEP_LIMIT ? Duration.ZERO : OrderSearch.DEFAULT_BUDGET;
  }

  private static int sweepSize(Plan plan) {
    return Math.max(1, Math.min(plan.tasks().size(), SimulateCommand.RangeConverter.MAX_SIZE));
  }
}
