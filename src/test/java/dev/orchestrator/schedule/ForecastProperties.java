package dev.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The budget recommended before a run is the one a whole {@code simulate --sweep} recommends. */
class ForecastProperties {

  // No search beyond the start order: a budget's forecast then depends on nothing but the budget
  // (a searched one may stop at its CPU deadline), and the pruning relies on lower bounds alone.
  private static final Duration SEARCH = Duration.ZERO;

  @Property(tries = 200)
  void the_pruned_sweep_recommends_what_the_whole_sweep_recommends(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 60) int size,
      @ForAll @DoubleRange(min = 0, max = 0.3) double conflictShare,
      @ForAll @IntRange(min = 1, max = 32) int widest,
      @ForAll @IntRange(min = 0, max = 32) int knownAt) {
    Workload w = Workload.random(seed, size, conflictShare, 0);
    List<Forecast> sweep = new ArrayList<>();
    for (int m = 1; m <= widest; m++) {
      sweep.add(Forecast.of(w.plan(), w.graph(), w.conflicts(), m, SEARCH));
    }

    Forecast pruned =
        Forecast.recommended(
            w.plan(),
            w.graph(),
            w.conflicts(),
            widest,
            SEARCH,
            knownAt == 0 || knownAt > widest ? null : sweep.get(knownAt - 1));

    Forecast whole = Forecast.recommended(sweep);
    assertThat(pruned.executors()).isEqualTo(whole.executors());
    assertThat(pruned.makespan()).isEqualTo(whole.makespan());
  }
}
