package dev.orchestrator.plan;

import java.util.Locale;

/** How a task ended in a run. */
public enum TaskStatus {
  /** Ran and succeeded. */
  COMPLETED,
  /** Ran, and its last attempt failed. */
  FAILED,
  /** Never started because a task it depends on failed or was skipped. */
  SKIPPED,
  /** Never started because the run stopped dispatching (cancelled, cost limit). */
  NOT_STARTED;

  /** The spelling used in summaries: {@code completed}, {@code not_started}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
