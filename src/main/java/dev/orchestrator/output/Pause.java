package dev.orchestrator.output;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * A time a run was not running: between the last record of one session (killed or interrupted) and
 * the start of the session that resumed it. Makespan and utilisation leave pauses out.
 */
public record Pause(Instant from, Instant to) {

  public Pause {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(
          "a pause cannot end (" + to + ") before it starts (" + from + ")");
    }
  }

  /** How much of this pause lies between {@code start} and {@code end}. */
  public Duration within(Instant start, Instant end) {
    Instant a = from.isAfter(start) ? from : start;
    Instant b = to.isBefore(end) ? to : end;
    return b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO;
  }
}
