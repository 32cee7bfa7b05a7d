package dev.orchestrator.plan;

import static dev.orchestrator.plan.PlanFields.ACCEPTANCE_CRITERIA;
import static dev.orchestrator.plan.PlanFields.COMPLEXITY;
import static dev.orchestrator.plan.PlanFields.DEPENDENCIES;
import static dev.orchestrator.plan.PlanFields.DESCRIPTION;
import static dev.orchestrator.plan.PlanFields.ESTIMATED_DURATION;
import static dev.orchestrator.plan.PlanFields.ESTIMATED_EFFORT;
import static dev.orchestrator.plan.PlanFields.EXECUTION_MODEL;
import static dev.orchestrator.plan.PlanFields.EXECUTION_STRATEGY;
import static dev.orchestrator.plan.PlanFields.EXECUTORS;
import static dev.orchestrator.plan.PlanFields.EXECUTOR_BUDGET;
import static dev.orchestrator.plan.PlanFields.FILES;
import static dev.orchestrator.plan.PlanFields.FORECAST;
import static dev.orchestrator.plan.PlanFields.ID;
import static dev.orchestrator.plan.PlanFields.KEY_FEATURES_DETECTED;
import static dev.orchestrator.plan.PlanFields.NAME;
import static dev.orchestrator.plan.PlanFields.NOTES;
import static dev.orchestrator.plan.PlanFields.OF_COMPLEXITY;
import static dev.orchestrator.plan.PlanFields.OF_FORECAST;
import static dev.orchestrator.plan.PlanFields.OF_PLAN;
import static dev.orchestrator.plan.PlanFields.OF_TASK;
import static dev.orchestrator.plan.PlanFields.PREDICTED_MAKESPAN;
import static dev.orchestrator.plan.PlanFields.PRIORITY;
import static dev.orchestrator.plan.PlanFields.REASONING;
import static dev.orchestrator.plan.PlanFields.RECOMMENDED_EXECUTORS;
import static dev.orchestrator.plan.PlanFields.REQUIREMENTS;
import static dev.orchestrator.plan.PlanFields.SCORE;
import static dev.orchestrator.plan.PlanFields.SPEEDUP;
import static dev.orchestrator.plan.PlanFields.TASKS;
import static dev.orchestrator.plan.PlanFields.TECHNICAL_COMPONENTS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads {@code execution_plan.json} text into a validated {@link Plan}, strictly or leniently.
 *
 * <p>Reading collects every problem (missing or mistyped fields, bad values) and then the graph
 * checks of {@link PlanValidator}, so that one error message lists all that needs fixing. Top-level
 * metadata (complexity, budget, strategy, notes, forecast) is optional for hand-written plans;
 * every task field except {@code files} is required. {@code num_tasks} is ignored: it is always the
 * length of {@code tasks}. A {@linkplain #strict() strict} reader, for plan files, rejects a field
 * it does not know (a typo is an error); a {@linkplain #lenient lenient} one, for model replies,
 * which often add "reasoning" or "summary", reports it and reads on. Thread-safe.
 */
public final class PlanReader {

  private static final String BOM = "\uFEFF";
  private static final Pattern INTERNALS = Pattern.compile("\\s*\\(?[^()]*\\[Source:.*?]\\)?");

  private final Consumer<String> ignored;

  private PlanReader(Consumer<String> ignored) {
    this.ignored = ignored;
  }

  /** A reader that rejects unknown fields, for plan files. */
  public static PlanReader strict() {
    return new PlanReader(null);
  }

  /**
   * A reader that skips unknown fields, for model replies.
   *
   * @param ignored hears each skipped field, as {@code task_2: "summary"}
   */
  public static PlanReader lenient(Consumer<String> ignored) {
    return new PlanReader(java.util.Objects.requireNonNull(ignored, "ignored"));
  }

  /**
   * Parses and validates plan JSON.
   *
   * @param source where the text came from, for messages
   * @throws InvalidPlanException listing every problem
   */
  public Plan parse(String json, String source) {
    JsonNode root;
    try {
      // An editor's UTF-8 byte order mark is not part of the JSON.
      root = PlanJson.strictReader().readTree(json.startsWith(BOM) ? json.substring(1) : json);
    } catch (JsonProcessingException e) {
      throw new InvalidPlanException(source, jsonProblem(e), e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidPlanException(source, List.of("the plan must be a JSON object"));
    }
    JsonFields top = new JsonFields("the plan", root, new ArrayList<>());
    checkFields(top, OF_PLAN);
    String requirements = top.text(REQUIREMENTS, true).orElse("");
    Complexity complexity = readComplexity(top);
    int budget =
        top.integer(EXECUTOR_BUDGET, false, "1 to " + PlanValidator.MAX_EXECUTORS).orElse(1);
    List<Task> tasks = new ArrayList<>();
    JsonNode taskArray = top.node(TASKS, true);
    if (taskArray != null && !taskArray.isArray()) {
      top.problems().add("tasks must be a list of task objects");
    } else if (taskArray != null) {
      for (int i = 0; i < taskArray.size(); i++) {
        readTask(taskArray.get(i), i, top.problems()).ifPresent(tasks::add);
      }
    }
    Map<String, List<String>> dependencies = readDependencies(top);
    Plan plan =
        new Plan(
            requirements,
            complexity,
            budget,
            top.text(EXECUTION_MODEL, false).orElse(Plan.TASK_QUEUE),
            tasks,
            dependencies,
            top.text(EXECUTION_STRATEGY, false).orElse(""),
            top.text(NOTES, false).orElse(""),
            readForecast(top));
    List<String> problems = new ArrayList<>(top.problems());
    if (problems.isEmpty()) {
      problems.addAll(PlanValidator.problems(plan));
    } else {
      // The graph cannot be checked with tasks missing, but each readable task can.
      tasks.forEach(task -> problems.addAll(PlanValidator.problemsOf(task)));
    }
    if (!problems.isEmpty()) {
      throw new InvalidPlanException(source, problems);
    }
    return plan;
  }

  // Jackson's own words, without the parts that speak of its internals ("start marker at [Source:
  // REDACTED (`StreamReadFeature...` disabled)...]"); a text cut short says so.
  private static String jsonProblem(JsonProcessingException e) {
    // A broken limit (a huge string, deep nesting) has no location.
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    if (e instanceof JsonEOFException) {
      return "the text ends before the JSON is complete"
          + where
          + " (is the file cut short?); give the whole plan";
    }
    String detail = INTERNALS.matcher(e.getOriginalMessage()).replaceAll("");
    return "not valid JSON" + where + ": " + detail;
  }

  private void checkFields(JsonFields fields, Set<String> known) {
    if (ignored == null) {
      fields.rejectUnknown(known);
    } else {
      fields.unknown(known).forEach(name -> ignored.accept(fields.owner() + ": \"" + name + "\""));
    }
  }

  private Complexity readComplexity(JsonFields top) {
    JsonNode node = top.node(COMPLEXITY, false);
    if (node == null) {
      return new Complexity(0, "not given in the plan file", List.of(), List.of());
    }
    if (!node.isObject()) {
      top.problems().add("complexity must be an object with a score");
      return new Complexity(0, "", List.of(), List.of());
    }
    JsonFields fields = new JsonFields(COMPLEXITY, node, top.problems());
    checkFields(fields, OF_COMPLEXITY);
    int score = fields.integer(SCORE, true, "0 to 100").orElse(0);
    if (score < 0 || score > 100) {
      top.problems().add("complexity score is " + score + "; use 0 to 100");
      score = 0;
    }
    return new Complexity(
        score,
        fields.text(REASONING, false).orElse(""),
        fields.strings(KEY_FEATURES_DETECTED, false),
        fields.strings(TECHNICAL_COMPONENTS, false));
  }

  private Optional<Task> readTask(JsonNode node, int position, List<String> problems) {
    String label = "task #" + (position + 1);
    if (!node.isObject()) {
      problems.add(label + " must be a JSON object");
      return Optional.empty();
    }
    if (node.path(ID).isTextual() && !node.path(ID).asText().isBlank()) {
      label = node.path(ID).asText();
    }
    JsonFields fields = new JsonFields(label, node, problems);
    checkFields(fields, OF_TASK);
    int before = problems.size();
    String id = fields.text(ID, true).orElse("");
    String name = fields.text(NAME, true).orElse("");
    String description = fields.text(DESCRIPTION, true).orElse("");
    int priority = fields.integer(PRIORITY, true, "1 (highest) to 5 (lowest)").orElse(3);
    Effort effort = Effort.MEDIUM;
    Optional<String> effortText = fields.text(ESTIMATED_EFFORT, true);
    if (effortText.isPresent()) {
      Optional<Effort> parsed = Effort.fromLabel(effortText.get());
      if (parsed.isEmpty()) {
        problems.add(
            label + " has estimated_effort \"" + effortText.get() + "\"; use low, medium or high");
      }
      effort = parsed.orElse(Effort.MEDIUM);
    }
    Duration duration = fields.duration(ESTIMATED_DURATION, true).orElse(Duration.ZERO);
    List<String> criteria = fields.strings(ACCEPTANCE_CRITERIA, true);
    List<String> files = fields.strings(FILES, false);
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new Task(id, name, description, priority, effort, duration, criteria, files));
  }

  private static Map<String, List<String>> readDependencies(JsonFields top) {
    Map<String, List<String>> dependencies = new LinkedHashMap<>();
    JsonNode node = top.node(DEPENDENCIES, false);
    if (node == null) {
      return dependencies;
    }
    if (!node.isObject()) {
      top.problems()
          .add("dependencies must be an object mapping a task id to the ids it depends on");
      return dependencies;
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      List<String> ids = new ArrayList<>();
      if (!entry.getValue().isArray()) {
        top.problems()
            .add(
                "dependencies of "
                    + entry.getKey()
                    + " must be a list of task ids, e.g. [\"task_1\"]");
        continue;
      }
      for (JsonNode id : entry.getValue()) {
        if (id.isTextual()) {
          ids.add(id.asText());
        } else {
          top.problems()
              .add(
                  "dependencies of "
                      + entry.getKey()
                      + " contains "
                      + id
                      + "; use task id strings");
        }
      }
      dependencies.put(entry.getKey(), ids);
    }
    return dependencies;
  }

  private PlanForecast readForecast(JsonFields top) {
    JsonNode node = top.node(FORECAST, false);
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      top.problems().add("forecast must be an object; leave it out to have none");
      return null;
    }
    JsonFields fields = new JsonFields(FORECAST, node, top.problems());
    checkFields(fields, OF_FORECAST);
    int before = top.problems().size();
    int executors =
        fields.integer(EXECUTORS, true, "1 to " + PlanValidator.MAX_EXECUTORS).orElse(1);
    Duration makespan = fields.duration(PREDICTED_MAKESPAN, true).orElse(Duration.ZERO);
    double speedup = fields.number(SPEEDUP, true).orElse(0.0);
    int recommended =
        fields
            .integer(RECOMMENDED_EXECUTORS, true, "1 to " + PlanValidator.MAX_EXECUTORS)
            .orElse(1);
    if (top.problems().size() > before) {
      return null;
    }
    try {
      return new PlanForecast(executors, makespan, speedup, recommended);
    } catch (IllegalArgumentException e) {
      top.problems().add("forecast is not possible (" + e.getMessage() + "); leave it out");
      return null;
    }
  }
}
