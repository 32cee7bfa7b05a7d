package dev.orchestrator.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Estimated effort of a task, as the plan file spells it: {@code low}, {@code medium}, {@code
 * high}.
 */
public enum Effort {
  LOW,
  MEDIUM,
  HIGH;

  /** The spelling used in plan files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Effort> fromLabel(String label) {
    return Arrays.stream(values())
        .filter(e -> e.label().equalsIgnoreCase(label.trim()))
        .findFirst();
  }
}
