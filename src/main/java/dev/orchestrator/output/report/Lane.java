package dev.orchestrator.output.report;

import java.util.Comparator;
import java.util.List;

/** An executor's timeline, numbered from 1; its bars in start order. */
public record Lane(int executor, List<Bar> bars) {
  public Lane {
    bars = bars.stream().sorted(Comparator.comparingLong(Bar::startMillis)).toList();
  }

  /** Time the executor spent on tasks. */
  public long busyMillis() {
    return bars.stream().mapToLong(Bar::durationMillis).sum();
  }
}
