package dev.orchestrator.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes {@code execution_plan.json}, the one place that knows its field names.
 *
 * <p>Reading collects every problem of the file (missing or mistyped fields, unknown fields, bad
 * values) and then the graph checks of {@link PlanValidator}, so that one error message lists all
 * that needs fixing. Top-level metadata (complexity, budget, strategy, notes) is optional for
 * hand-written plans; every task field except {@code files} is required. {@code num_tasks} is
 * written for readers and ignored on reading: it is always the length of {@code tasks}.
 */
public final class PlanJson {

  /** The plan's file name in an output directory. */
  public static final String FILE_NAME = "execution_plan.json";

  /** Largest plan file read: a plan of 100,000 tasks is far below it. */
  static final long MAX_FILE_BYTES = 256L << 20;

  // Limits against hostile input: one string of 50 MB or nesting 100,000 deep is refused early
  // with a message, not read into memory or the stack.
  private static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxStringLength(16 << 20)
                          .maxNestingDepth(200)
                          .build())
                  .build())
          .enable(SerializationFeature.INDENT_OUTPUT);

  // A plan file is one JSON object: nothing after it, no key twice.
  private static final ObjectReader STRICT =
      MAPPER
          .reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

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
          "notes");
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

  private PlanJson() {}

  /** The one configured mapper of the application (indented output). Thread-safe. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Reads and validates a plan file.
   *
   * @throws InvalidPlanException if the file is missing, is not JSON or is not a valid plan
   */
  public static Plan read(Path file) {
    String text;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new InvalidPlanException(
            file.toString(),
            List.of(
                "the file is "
                    + Files.size(file)
                    + " bytes, over the limit of "
                    + MAX_FILE_BYTES
                    + " for a plan; give the plan file, not another file"));
      }
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new InvalidPlanException(
          file.toString(), "the file does not exist; check the path given to --plan", e);
    } catch (IOException e) {
      throw new InvalidPlanException(
          file.toString(), "the file cannot be read (" + e.getMessage() + ")", e);
    }
    return parse(text, file.toString());
  }

  /**
   * Parses and validates plan JSON.
   *
   * @param source where the text came from, for messages
   * @throws InvalidPlanException listing every problem
   */
  public static Plan parse(String json, String source) {
    JsonNode root;
    try {
      root = STRICT.readTree(json);
    } catch (JsonProcessingException e) {
      // A broken limit (a huge string, deep nesting) has no location.
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new InvalidPlanException(
          source, "not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidPlanException(source, List.of("the plan must be a JSON object"));
    }
    Fields top = new Fields("the plan", root);
    top.rejectUnknown(PLAN_FIELDS);
    String requirements = top.text("requirements", true).orElse("");
    Complexity complexity = readComplexity(top);
    int budget = top.integer("executor_budget", false).orElse(1);
    List<Task> tasks = new ArrayList<>();
    JsonNode taskArray = top.node("tasks", true);
    if (taskArray != null && !taskArray.isArray()) {
      top.problems.add("tasks must be a list of task objects");
    } else if (taskArray != null) {
      for (int i = 0; i < taskArray.size(); i++) {
        readTask(taskArray.get(i), i, top.problems).ifPresent(tasks::add);
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
            top.text("notes", false).orElse(""));
    List<String> problems = new ArrayList<>(top.problems);
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

  private static Complexity readComplexity(Fields top) {
    JsonNode node = top.node("complexity", false);
    if (node == null) {
      return new Complexity(0, "not given in the plan file", List.of(), List.of());
    }
    if (!node.isObject()) {
      top.problems.add("complexity must be an object with a score");
      return new Complexity(0, "", List.of(), List.of());
    }
    Fields fields = new Fields("complexity", node, top.problems);
    int score = fields.integer("score", true).orElse(0);
    if (score < 0 || score > 100) {
      top.problems.add("complexity score is " + score + "; use 0 to 100");
      score = 0;
    }
    return new Complexity(
        score,
        fields.text("reasoning", false).orElse(""),
        fields.strings("key_features_detected", false),
        fields.strings("technical_components", false));
  }

  private static Optional<Task> readTask(JsonNode node, int position, List<String> problems) {
    String label = "task #" + (position + 1);
    if (!node.isObject()) {
      problems.add(label + " must be a JSON object");
      return Optional.empty();
    }
    if (node.path("id").isTextual() && !node.path("id").asText().isBlank()) {
      label = node.path("id").asText();
    }
    Fields fields = new Fields(label, node, problems);
    fields.rejectUnknown(TASK_FIELDS);
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
    Duration duration = Duration.ZERO;
    Optional<String> durationText = fields.text("estimated_duration", true);
    if (durationText.isPresent()) {
      Optional<Duration> parsed = EstimatedDuration.parse(durationText.get());
      if (parsed.isEmpty()) {
        problems.add(
            label
                + " has estimated_duration \""
                + durationText.get()
                + "\"; use a duration such as \"30min\", \"1hr\" or \"2hrs\"");
      }
      duration = parsed.orElse(Duration.ZERO);
    }
    List<String> criteria = fields.strings("acceptance_criteria", true);
    List<String> files = fields.strings("files", false);
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new Task(id, name, description, priority, effort, duration, criteria, files));
  }

  private static Map<String, List<String>> readDependencies(Fields top) {
    Map<String, List<String>> dependencies = new LinkedHashMap<>();
    JsonNode node = top.node("dependencies", false);
    if (node == null) {
      return dependencies;
    }
    if (!node.isObject()) {
      top.problems.add("dependencies must be an object mapping a task id to the ids it depends on");
      return dependencies;
    }
    Iterator<Map.Entry<String, JsonNode>> entries = node.properties().iterator();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      List<String> ids = new ArrayList<>();
      if (!entry.getValue().isArray()) {
        top.problems.add(
            "dependencies of " + entry.getKey() + " must be a list of task ids, e.g. [\"task_1\"]");
        continue;
      }
      for (JsonNode id : entry.getValue()) {
        if (id.isTextual()) {
          ids.add(id.asText());
        } else {
          top.problems.add(
              "dependencies of " + entry.getKey() + " contains " + id + "; use task id strings");
        }
      }
      dependencies.put(entry.getKey(), ids);
    }
    return dependencies;
  }

  /** Serialises a plan in the contract's field order. */
  public static String write(Plan plan) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("requirements", plan.requirements());
    ObjectNode complexity = root.putObject("complexity");
    complexity.put("score", plan.complexity().score());
    complexity.put("reasoning", plan.complexity().reasoning());
    strings(complexity.putArray("key_features_detected"), plan.complexity().keyFeaturesDetected());
    strings(complexity.putArray("technical_components"), plan.complexity().technicalComponents());
    root.put("num_tasks", plan.tasks().size());
    root.put("executor_budget", plan.executorBudget());
    root.put("execution_model", plan.executionModel());
    ArrayNode tasks = root.putArray("tasks");
    for (Task task : plan.tasks()) {
      ObjectNode t = tasks.addObject();
      t.put("id", task.id());
      t.put("name", task.name());
      t.put("description", task.description());
      t.put("priority", task.priority());
      t.put("estimated_effort", task.estimatedEffort().label());
      t.put("estimated_duration", EstimatedDuration.format(task.estimatedDuration()));
      strings(t.putArray("acceptance_criteria"), task.acceptanceCriteria());
      if (!task.files().isEmpty()) {
        strings(t.putArray("files"), task.files());
      }
    }
    ObjectNode dependencies = root.putObject("dependencies");
    plan.dependencies().forEach((id, deps) -> strings(dependencies.putArray(id), deps));
    root.put("execution_strategy", plan.executionStrategy());
    root.put("notes", plan.notes());
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree failed to serialise", e);
    }
  }

  /** Writes the plan to a file, replacing it. */
  public static void write(Plan plan, Path file) throws IOException {
    Files.writeString(file, write(plan));
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  /** Typed access to the fields of one JSON object, collecting problems instead of throwing. */
  private static final class Fields {
    private final String owner;
    private final JsonNode node;
    private final List<String> problems;

    Fields(String owner, JsonNode node) {
      this(owner, node, new ArrayList<>());
    }

    Fields(String owner, JsonNode node, List<String> problems) {
      this.owner = owner;
      this.node = node;
      this.problems = problems;
    }

    void rejectUnknown(Set<String> known) {
      node.fieldNames()
          .forEachRemaining(
              name -> {
                if (!known.contains(name)) {
                  problems.add(
                      owner
                          + " has an unknown field \""
                          + name
                          + "\"; the known fields are "
                          + known.stream().sorted().toList());
                }
              });
    }

    JsonNode node(String field, boolean required) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        if (required) {
          problems.add(owner + " is missing the field \"" + field + "\"");
        }
        return null;
      }
      return value;
    }

    Optional<String> text(String field, boolean required) {
      JsonNode value = node(field, required);
      if (value == null) {
        return Optional.empty();
      }
      if (!value.isTextual()) {
        problems.add(owner + " has " + field + " = " + value + "; it must be a string");
        return Optional.empty();
      }
      return Optional.of(value.asText());
    }

    Optional<Integer> integer(String field, boolean required) {
      JsonNode value = node(field, required);
      if (value == null) {
        return Optional.empty();
      }
      if (!value.canConvertToInt() || !value.isIntegralNumber()) {
        problems.add(owner + " has " + field + " = " + value + "; it must be a whole number");
        return Optional.empty();
      }
      return Optional.of(value.intValue());
    }

    List<String> strings(String field, boolean required) {
      JsonNode value = node(field, required);
      if (value == null) {
        return List.of();
      }
      if (!value.isArray()) {
        problems.add(owner + " has " + field + " = " + value + "; it must be a list of strings");
        return List.of();
      }
      List<String> values = new ArrayList<>();
      for (JsonNode item : value) {
        if (item.isTextual()) {
          values.add(item.asText());
        } else {
          problems.add(owner + " has " + item + " in " + field + "; it must hold strings only");
        }
      }
      return values;
    }
  }
}
