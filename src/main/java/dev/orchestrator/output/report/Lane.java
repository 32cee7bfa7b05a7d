package dev.orchestrator.output.report;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** An executor's timeline, numbered from 1; its bars in start order. */
public record Lane(int executor, List<Bar> bars) {
  public Lane {
    bars = bars.stream().sorted(Comparator.comparingLong(Bar::startMillis)).toList();
  }

  /** The worker processes that ran the lane's attempts, in order of first use; none locally. */
  public List<String> workers() {
    return bars.stream().map(Bar::worker).filter(Objects::nonNull).distinct().toList();
  }

  /** Time the executor spent on tasks. */
  public long busyMillis() {
    return bars.stream().mapToLong(Bar::durationMillis).sum();
  }
}
