package dev.orchestrator.output;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/**
 * Several versions of one consolidated path, and how they were kept apart.
 *
 * @param path the consolidated path the versions competed for
 * @param tasks the tasks that wrote a version, in consolidation order, each once
 * @param kept where each surviving version went; a task of {@code tasks} missing here was
 *     overridden by a task that depends on it
 */
public record Conflict(
    String path, List<String> tasks, Resolution resolution, List<Placement> kept) {

  public Conflict {
    requireNonNull(path, "path");
    requireNonNull(resolution, "resolution");
    tasks = List.copyOf(tasks);
    kept = List.copyOf(kept);
  }

  /** How the versions of a path were settled. */
  public enum Resolution {
    /** One task depends, directly or not, on all the others: its version replaced theirs. */
    DEPENDENT_WINS,
    /**
     * Versions from tasks that do not depend on each other: the first keeps the path, each other is
     * kept next to it with its task id before the extension ({@code main_task_3.py}).
     */
    KEPT_ALL,
    /**
     * The path belongs to the orchestrator ({@code docs/execution_plan.json}) or is a directory of
     * another file: every version is kept under a name with its task id.
     */
    RENAMED;

    /** The spelling in summaries: {@code dependent_wins}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The resolution with this {@link #label()}. */
    public static Resolution fromLabel(String label) {
      return valueOf(label.toUpperCase(Locale.ROOT));
    }
  }
}
