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

  // Ample, so that every search ends by its work count, not by its CPU deadline: the sweep and
  // the pruned sweep then see the same forecast for each budget.
  private static final Duration SEARCH = Duration.ofSeconds(5);

  @Property(tries = 60)
  void the_pruned_sweep_recommends_what_the_whole_sweep_recommends(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 40) int size,
      @ForAll @DoubleRange(min = 0, max = 0.3) double conflictShare,
      @ForAll @IntRange(min = 1, max = 24) int widest) {
    Workload w = Workload.random(seed, size, conflictShare, 0);
    List<Forecast> sweep = new ArrayList<>();
    for (int m = 1; m <= widest; m++) {
      sweep.add(Forecast.of(w.plan(), w.graph(), w.conflicts(), m, SEARCH));
    }

    Forecast pruned = Forecast.recommended(w.plan(), w.graph(), w.conflicts(), widest, SEARCH);

    Forecast whole = Forecast.recommended(sweep);
    assertThat(pruned.executors()).isEqualTo(whole.executors());
    assertThat(pruned.makespan()).isEqualTo(whole.makespan());
  }
}
