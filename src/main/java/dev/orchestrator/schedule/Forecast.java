package dev.orchestrator.schedule;

import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.TaskGraph;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The predicted dispatch of a plan on M executors when every task takes its estimated duration: the
 * rank a real run uses, laid out by the {@link Simulator} on a virtual clock. Times in
 * milliseconds.
 *
 * @param makespan from the first start to the last end
 * @param utilisation share of executor time spent running tasks, 0..1
 * @param lowerBound {@link LowerBound#basic}: {@code max(critical path, ceil(total work / M))}
 * @param criticalPathMakespan the makespan under plain critical-path order, for comparison
 * @param bestPossible no dispatch order gives a shorter makespan
 * @param schedule when each task runs and where, in the searched order
 */
public record Forecast(
    int executors,
    long makespan,
    double utilisation,
    long lowerBound,
    long criticalPathMakespan,
    boolean bestPossible,
    Schedule schedule) {

  /** A budget is recommended when its makespan is within this share of the best of a sweep. */
  public static final double RECOMMENDATION_TOLERANCE = 0.05;

  /**
   * Forecasts a plan.
   *
   * @param conflicts per task, the tasks it must not run beside ({@code FileConflicts.adjacency})
   * @param executors M, at least 1
   * @param searchBudget time for {@link OrderSearch}, as in a real run
   */
  public static Forecast of(
      Plan plan, TaskGraph graph, int[][] conflicts, int executors, Duration searchBudget) {
    OrderSearch.Result searched =
        OrderSearch.search(plan, graph, conflicts, executors, searchBudget);
    Schedule schedule = Simulator.simulate(graph, searched.rank(), conflicts, executors);
    return new Forecast(
        executors,
        schedule.makespan(),
        schedule.utilisation(),
        LowerBound.basic(graph, executors),
        searched.startMakespan(),
        searched.bestPossible(),
        schedule);
  }

  /**
   * The budget to recommend from a sweep: the fewest executors whose makespan is within {@link
   * #RECOMMENDATION_TOLERANCE} of the best makespan of the sweep.
   *
   * @throws IllegalArgumentException if {@code sweep} is empty
   */
  public static Forecast recommended(List<Forecast> sweep) {
    long best =
        sweep.stream()
            .mapToLong(Forecast::makespan)
            .min()
            .orElseThrow(() -> new IllegalArgumentException("the sweep is empty"));
    double acceptable = best * (1 + RECOMMENDATION_TOLERANCE);
    return sweep.stream()
        .filter(f -> f.makespan() <= acceptable)
        .min((a, b) -> Integer.compare(a.executors(), b.executors()))
        .orElseThrow();
  }

  /**
   * The budget {@link #recommended} picks from a sweep of 1..{@code maxExecutors}, forecasting only
   * the budgets it could pick. The best makespan of the sweep is at most that of {@code
   * maxExecutors}, so a budget whose lower bound is beyond the tolerance of it cannot be picked;
   * once a budget meets the critical path, no larger one can be picked either. The answer is the
   * one of the whole sweep, at a fraction of its cost on large plans.
   *
   * @param known a forecast of this plan already made for one of the budgets, used instead of
   *     searching again; or null
   */
  public static Forecast recommended(
      Plan plan,
      TaskGraph graph,
      int[][] conflicts,
      int maxExecutors,
      Duration searchBudget,
      Forecast known) {
    IntFunction<Forecast> forecast =
        m ->
            known != null && known.executors() == m
                ? known
                : of(plan, graph, conflicts, m, searchBudget);
    Forecast widest = forecast.apply(maxExecutors);
    double acceptable = widest.makespan() * (1 + RECOMMENDATION_TOLERANCE);
    List<Forecast> candidates = new ArrayList<>();
    for (int m = 1; m < maxExecutors; m++) {
      if (LowerBound.basic(graph, m) > acceptable) {
        continue;
      }
      Forecast candidate = forecast.apply(m);
      candidates.add(candidate);
      if (candidate.makespan() <= graph.criticalPathLength()) {
        break;
      }
    }
    candidates.add(widest);
    return recommended(candidates);
  }
}
