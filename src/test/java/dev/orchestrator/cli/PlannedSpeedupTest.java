package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.plan.FileConflicts;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.run.Plans;
import dev.orchestrator.schedule.Forecast;
import dev.orchestrator.schedule.OrderSearch;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlannedSpeedupTest {

  @Test
  void aPlanUpToTheLimitSearchesEveryBudgetOfTheSweep() {
    assertThat(PlannedSpeedup.sweepBudget(PlannedSpeedup.SEARCHED_SWEEP_LIMIT))
        .isEqualTo(OrderSearch.DEFAULT_BUDGET);
  }

  @Test
  void aLargerPlanRecommendsTheBudgetTheCriticalPathOrderSweepGives() {
    Plan plan = Plans.layered(PlannedSpeedup.SEARCHED_SWEEP_LIMIT + 1, 7);
    TaskGraph graph = TaskGraph.of(plan);
    int[][] conflicts = FileConflicts.adjacency(plan, graph);
    Forecast atBudget =
        Forecast.of(plan, graph, conflicts, plan.executorBudget(), OrderSearch.DEFAULT_BUDGET);
    Forecast unsearched = Forecast.recommended(plan, graph, conflicts, 64, Duration.ZERO, atBudget);

    Plan forecast = PlannedSpeedup.forecast(plan);

    assertThat(PlannedSpeedup.sweepBudget(plan.tasks().size())).isZero();
    assertThat(forecast.forecast().recommendedExecutors()).isEqualTo(unsearched.executors());
    assertThat(forecast.forecast().makespan().toMillis()).isEqualTo(atBudget.makespan());
  }
}
