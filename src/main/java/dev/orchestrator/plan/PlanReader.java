package dev.orchestrator.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

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

  private static final Set<String> PLAN_FIELDS =
      Set.of(
          "requirements",
          "complexity",
          "num_tasks",
          "executor_budget",
          "execution_model",
          "tasks",
          "dependencies",
          "execution_strategy",
          "notes",
          "forecast");
  private static final Set<String> COMPLEXITY_FIELDS =
      Set.of("score", "reasoning", "key_features_detected", "technical_components");
  private static final Set<String> TASK_FIELDS =
      Set.of(
          "id",
          "name",
          "description",
          "priority",
          "estimated_effort",
          "estimated_duration",
          "acceptance_criteria",
          "files");
  private static final Set<String> FORECAST_FIELDS =
      Set.of("executors", "predicted_makespan", "speedup", "recommended_executors");

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
      root = PlanJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidPlanException(
          source,
          "not valid JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage(),
          e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidPlanException(source, List.of("the plan must be a JSON object"));
    }
    JsonFields top = new JsonFields("the plan", root, new ArrayList<>());
    checkFields(top, PLAN_FIELDS);
    String requirements = top.text("requirements", true).orElse("");
    Complexity complexity = readComplexity(top);
    int budget = top.integer("executor_budget", false).orElse(1);
    List<Task> tasks = new ArrayList<>();
    JsonNode taskArray = top.node("tasks", true);
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
            top.text("execution_model", false).orElse(Plan.TASK_QUEUE),
            tasks,
            dependencies,
            top.text("execution_strategy", false).orElse(""),
            top.text("notes", false).orElse(""),
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

  private void checkFields(JsonFields fields, Set<String> known) {
    if (ignored == null) {
      fields.rejectUnknown(known);
    } else {
      fields.unknown(known).forEach(name -> ignored.accept(fields.owner() + ": \"" + name + "\""));
    }
  }

  private Complexity readComplexity(JsonFields top) {
    JsonNode node = top.node("complexity", false);
    if (node == null) {
      return new Complexity(0, "not given in the plan file", List.of(), List.of());
    }
    if (!node.isObject()) {
      top.problems().add("complexity must be an object with a score");
      return new Complexity(0, "", List.of(), List.of());
    }
    JsonFields fields = new JsonFields("complexity", node, top.problems());
    checkFields(fields, COMPLEXITY_FIELDS);
    int score = fields.integer("score", true).orElse(0);
    if (score < 0 || score > 100) {
      top.problems().add("complexity score is " + score + "; use 0 to 100");
      score = 0;
    }
    return new Complexity(
        score,
        fields.text("reasoning", false).orElse(""),
        fields.strings("key_features_detected", false),
        fields.strings("technical_components", false));
  }

  private Optional<Task> readTask(JsonNode node, int position, List<String> problems) {
    String label = "task #" + (position + 1);
    if (!node.isObject()) {
      problems.add(label + " must be a JSON object");
      return Optional.empty();
    }
    if (node.path("id").isTextual() && !node.path("id").asText().isBlank()) {
      label = node.path("id").asText();
    }
    JsonFields fields = new JsonFields(label, node, problems);
    checkFields(fields, TASK_FIELDS);
    int before = problems.size();
    String id = fields.text("id", true).orElse("");
    String name = fields.text("name", true).orElse("");
    String description = fields.text("description", true).orElse("");
    int priority = fields.integer("priority", true).orElse(3);
    Effort effort = Effort.MEDIUM;
    Optional<String> effortText = fields.text("estimated_effort", true);
    if (effortText.isPresent()) {
      Optional<Effort> parsed = Effort.fromLabel(effortText.get());
      if (parsed.isEmpty()) {
        problems.add(
            label + " has estimated_effort \"" + effortText.get() + "\"; use low, medium or high");
      }
      effort = parsed.orElse(Effort.MEDIUM);
    }
    Duration duration = fields.duration("estimated_duration", true).orElse(Duration.ZERO);
    List<String> criteria = fields.strings("acceptance_criteria", true);
    List<String> files = fields.strings("files", false);
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new Task(id, name, description, priority, effort, duration, criteria, files));
  }

  private static Map<String, List<String>> readDependencies(JsonFields top) {
    Map<String, List<String>> dependencies = new LinkedHashMap<>();
    JsonNode node = top.node("dependencies", false);
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
    JsonNode node = top.node("forecast", false);
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      top.problems().add("forecast must be an object; leave it out to have none");
      return null;
    }
    JsonFields fields = new JsonFields("forecast", node, top.problems());
    checkFields(fields, FORECAST_FIELDS);
    int before = top.problems().size();
    int executors = fields.integer("executors", true).orElse(1);
    Duration makespan = fields.duration("predicted_makespan", true).orElse(Duration.ZERO);
    double speedup = fields.number("speedup", true).orElse(0.0);
    int recommended = fields.integer("recommended_executors", true).orElse(1);
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
