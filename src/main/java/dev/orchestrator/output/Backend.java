package dev.orchestrator.output;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.usage.TokenUsage;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What planned or what executed a run, as the summary, the README and the report name it.
 *
 * @param kind the planner ({@code heuristic}, {@code llm}, {@code claude-code}) or executor ({@code
 *     simulated}, {@code llm}, {@code claude-code}, {@code command}), as on the command line; or
 *     {@link #MIXED}
 * @param model the language model, or null when there is none or the agent chose its own; for
 *     {@link #MIXED}, the executors that ran, described and separated by {@code ", "}
 * @param usage what a planner's model requests spent, counted in the run's totals; null for an
 *     executor (its tasks count theirs), a planner without a model, or when not recorded
 */
public record Backend(String kind, String model, TokenUsage usage) {

  /** The executor kind whose output is made up: an offline run is a simulation. */
  public static final String SIMULATED = "simulated";

  /**
   * The executor kind of a run whose workers ({@code --engine temporal}) reported different
   * executors; the model field lists them.
   */
  public static final String MIXED = "mixed";

  public Backend {
    requireNonNull(kind, "kind");
  }

  /** A backend without usage. */
  public Backend(String kind, String model) {
    this(kind, model, null);
  }

  /** This backend with what its planning spent. */
  public Backend withUsage(TokenUsage spent) {
    return new Backend(kind, model, spent);
  }

  /**
   * Whether this executor simulated the work, or some of it (mixed executors, one of them
   * simulated): its files, or some of them, are placeholders, not code.
   */
  public boolean simulated() {
    return SIMULATED.equals(kind)
        || (MIXED.equals(kind) && List.of(model.split(", ")).contains(SIMULATED));
  }

  /**
   * What made a run's plan, for people to read: null when the run read its plan from a file ({@code
   * run --plan}), which does not say what made it.
   */
  public static String describePlanner(Backend planner) {
    return planner == null ? "not recorded (the plan was read from a file)" : planner.describe();
  }

  /**
   * The executor of a run whose attempts ran elsewhere, from what ran them: the one executor if all
   * agree, {@link #MIXED} listing them if they differ, null if no attempt reported one.
   */
  public static Backend ofAttempts(Collection<Backend> reported) {
    Set<Backend> distinct = new HashSet<>(reported);
    distinct.remove(null);
    if (distinct.size() > 1) {
      return new Backend(
          MIXED,
          distinct.stream().map(Backend::describe).sorted().collect(Collectors.joining(", ")));
    }
    return distinct.stream().findFirst().orElse(null);
  }

  /** {@code llm (claude-sonnet-4-5)}, or the kind alone. */
  public String describe() {
    return model == null ? kind : kind + " (" + model + ")";
  }
}
