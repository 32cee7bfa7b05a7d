package dev.orchestrator.plan;

import java.util.Set;

/**
 * The field names of {@code execution_plan.json}, which {@link PlanJson} writes and {@link
 * PlanReader} reads: one list, so that the two cannot disagree on a name.
 */
final class PlanFields {

  // The plan object.
  static final String REQUIREMENTS = "requirements";
  static final String COMPLEXITY = "complexity";
  static final String NUM_TASKS = "num_tasks";
  static final String EXECUTOR_BUDGET = "executor_budget";
  static final String EXECUTION_MODEL = "execution_model";
  static final String TASKS = "tasks";
  static final String DEPENDENCIES = "dependencies";
  static final String EXECUTION_STRATEGY = "execution_strategy";
  static final String NOTES = "notes";
  static final String FORECAST = "forecast";

  // complexity
  static final String SCORE = "score";
  static final String REASONING = "reasoning";
  static final String KEY_FEATURES_DETECTED = "key_features_detected";
  static final String TECHNICAL_COMPONENTS = "technical_components";

  // A task.
  static final String ID = "id";
  static final String NAME = "name";
  static final String DESCRIPTION = "description";
  static final String PRIORITY = "priority";
  static final String ESTIMATED_EFFORT = "estimated_effort";
  static final String ESTIMATED_DURATION = "estimated_duration";
  static final String ACCEPTANCE_CRITERIA = "acceptance_criteria";
  static final String FILES = "files";

  // forecast
  static final String EXECUTORS = "executors";
  static final String PREDICTED_MAKESPAN = "predicted_makespan";
  static final String SPEEDUP = "speedup";
  static final String RECOMMENDED_EXECUTORS = "recommended_executors";

  /** The fields of the plan object. */
  static final Set<String> OF_PLAN =
      Set.of(
          REQUIREMENTS,
          COMPLEXITY,
          NUM_TASKS,
          EXECUTOR_BUDGET,
          EXECUTION_MODEL,
          TASKS,
          DEPENDENCIES,
          EXECUTION_STRATEGY,
          NOTES,
          FORECAST);

  /** The fields of {@code complexity}. */
  static final Set<String> OF_COMPLEXITY =
      Set.of(SCORE, REASONING, KEY_FEATURES_DETECTED, TECHNICAL_COMPONENTS);

  /** The fields of a task. */
  static final Set<String> OF_TASK =
      Set.of(
          ID,
          NAME,
          DESCRIPTION,
          PRIORITY,
          ESTIMATED_EFFORT,
          ESTIMATED_DURATION,
          ACCEPTANCE_CRITERIA,
          FILES);

  /** The fields of {@code forecast}. */
  static final Set<String> OF_FORECAST =
      Set.of(EXECUTORS, PREDICTED_MAKESPAN, SPEEDUP, RECOMMENDED_EXECUTORS);

  private PlanFields() {}
}
