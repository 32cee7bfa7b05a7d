package dev.orchestrator.output;

import static java.util.Objects.requireNonNull;

/**
 * What planned or what executed a run, as the summary, the README and the report name it.
 *
 * @param kind the planner ({@code heuristic}, {@code llm}, {@code claude-code}) or executor ({@code
 *     simulated}, {@code llm}, {@code claude-code}, {@code command}), as on the command line
 * @param model the language model, or null when there is none or the agent chose its own
 */
public record Backend(String kind, String model) {

  /** The executor kind whose output is made up: an offline run is a simulation. */
  public static final String SIMULATED = "simulated";

  public Backend {
    requireNonNull(kind, "kind");
  }

  /** Whether this executor only simulated the work: its files are placeholders, not code. */
  public boolean simulated() {
    return SIMULATED.equals(kind);
  }

  /**
   * What made a run's plan, for people to read: null when the run read its plan from a file ({@code
   * run --plan}), which does not say what made it.
   */
  public static String describePlanner(Backend planner) {
    return planner == null ? "not recorded (the plan was read from a file)" : planner.describe();
  }

  /** {@code llm (claude-sonnet-4-5)}, or the kind alone. */
  public String describe() {
    return model == null ? kind : kind + " (" + model + ")";
  }
}
