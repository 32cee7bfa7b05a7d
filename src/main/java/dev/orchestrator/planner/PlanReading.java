package dev.orchestrator.planner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.Json;
import dev.orchestrator.plan.Complexity;
import dev.orchestrator.plan.Effort;
import dev.orchestrator.plan.InvalidPlanException;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.PlanReader;
import dev.orchestrator.plan.Task;
import dev.orchestrator.plan.TaskGraph;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a model's answers to the two steps of {@link PlanningPrompts}, whoever the model is (an API
 * or a headless coding agent): the complexity analysis, then the plan. Each reply is read as JSON
 * ({@link ReplyJson}) and checked by {@link PlanReader}, the reader of every plan, so the problems
 * a model is told about are the ones a user would see for a hand-written plan; the task count must
 * also fit the band of the score. What the planner knows better than the model (the requirement's
 * words, the executor budget, the complexity of step 1) is filled in by the planner. Replies are
 * read leniently: a field the plan file does not know ("reasoning", "summary") is logged and
 * skipped rather than costing a repair round.
 */
final class PlanReading {

  private static final Logger log = LoggerFactory.getLogger(PlanReading.class);
  private static final PlanReader LENIENT =
      PlanReader.lenient(field -> log.info("ignored a field the plan does not use: {}", field));

  static final String SOURCE = "language-model planner";
  private static final String COMPLEXITY = "complexity";
  private static final String NUM_TASKS = "num_tasks";
  // Filled in after planning, from the plan's graph; never taken from a model.
  private static final String FORECAST = "forecast";
  // The fields of execution_plan.json the model writes; the planner fills in the others.
  private static final Set<String> REPLY_FIELDS =
      Set.of("tasks", "dependencies", "execution_strategy", "notes");

  private PlanReading() {}

  /** The outcome of step 1: the complexity and how many tasks to plan. */
  record Analysis(Complexity complexity, int tasks) {}

  /** A value read from a reply, or every problem that kept it from being read. */
  record Reading<T>(T value, List<String> problems) {
    static <T> Reading<T> of(T value) {
      return new Reading<>(value, List.of());
    }

    static <T> Reading<T> failed(List<String> problems) {
      return new Reading<>(null, List.copyOf(problems));
    }
  }

  /** Reads the answer to {@link PlanningPrompts#analysis}. */
  static Reading<Analysis> analysis(String reply, String requirement, int executors) {
    Reading<ObjectNode> json = object(reply);
    if (json.value() == null) {
      return Reading.failed(json.problems());
    }
    ObjectNode analysis = json.value();
    List<String> problems = new ArrayList<>();
    JsonNode count = analysis.remove(NUM_TASKS);
    if (count == null
        || !count.isIntegralNumber()
        || !count.canConvertToInt()
        || count.intValue() < 1) {
      problems.add(NUM_TASKS + " must be a whole number of tasks, 1 or more; it is " + count);
    }
    // The skeleton of a valid plan with the model's complexity: the plan validator checks it.
    ObjectNode skeleton = skeleton(requirement, executors, List.of(placeholderTask()));
    skeleton.set(COMPLEXITY, analysis);
    Complexity complexity = null;
    try {
      complexity = LENIENT.parse(skeleton.toString(), SOURCE).complexity();
    } catch (InvalidPlanException e) {
      problems.addAll(e.problems());
    }
    if (complexity != null && problems.isEmpty()) {
      TaskBudget budget = TaskBudget.of(complexity);
      if (!budget.contains(count.intValue())) {
        problems.add(
            NUM_TASKS
                + " is "
                + count.intValue()
                + ", but a score of "
                + complexity.score()
                + " is "
                + complexity.band()
                + ", which has "
                + budget.describe()
                + "; change the score or the number of tasks");
      }
    }
    return problems.isEmpty()
        ? Reading.of(new Analysis(complexity, count.intValue()))
        : Reading.failed(problems);
  }

  /**
   * Reads the answer to {@link PlanningPrompts#plan}.
   *
   * @param plannedBy who planned, for the plan's notes: "Planned by {plannedBy}."
   */
  static Reading<Plan> plan(
      String reply, String requirement, Complexity complexity, int executors, String plannedBy) {
    Reading<ObjectNode> json = object(reply);
    if (json.value() == null) {
      return Reading.failed(json.problems());
    }
    ObjectNode plan = skeleton(requirement, executors, List.of());
    plan.set(COMPLEXITY, complexityNode(complexity));
    Set<String> filled = new HashSet<>();
    plan.fieldNames().forEachRemaining(filled::add);
    filled.removeAll(REPLY_FIELDS);
    // The planner's values win for the fields it fills; anything else the model sent is checked.
    json.value()
        .properties()
        .forEach(
            field -> {
              if (!filled.contains(field.getKey()) && !field.getKey().equals(FORECAST)) {
                plan.set(field.getKey(), field.getValue());
              }
            });
    Plan parsed;
    try {
      parsed = LENIENT.parse(plan.toString(), SOURCE);
    } catch (InvalidPlanException e) {
      return Reading.failed(e.problems());
    }
    TaskBudget budget = TaskBudget.of(complexity);
    if (!budget.contains(parsed.tasks().size())) {
      return Reading.failed(
          List.of(
              "the plan has "
                  + parsed.tasks().size()
                  + " tasks, but the "
                  + complexity.band()
                  + " band has "
                  + budget.describe()
                  + "; split or merge tasks"));
    }
    String strategy =
        parsed.executionStrategy().isBlank()
            ? ExecutionStrategy.describe(TaskGraph.of(parsed), executors)
            : parsed.executionStrategy();
    String notes =
        (parsed.notes().isBlank() ? "" : parsed.notes() + " ") + "Planned by " + plannedBy + ".";
    return Reading.of(
        new Plan(
            parsed.requirements(),
            parsed.complexity(),
            parsed.executorBudget(),
            parsed.executionModel(),
            parsed.tasks(),
            parsed.dependencies(),
            strategy,
            notes,
            null));
  }

  private static Reading<ObjectNode> object(String reply) {
    Optional<String> text = ReplyJson.extract(reply);
    if (text.isEmpty()) {
      return Reading.failed(
          List.of("the reply contains no JSON object; reply with the JSON object only"));
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(text.get());
    } catch (JsonProcessingException e) {
      return Reading.failed(
          List.of(
              "the reply is not valid JSON at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ": "
                  + e.getOriginalMessage()));
    }
    return node instanceof ObjectNode object
        ? Reading.of(object)
        : Reading.failed(List.of("the reply must be one JSON object, not " + node.getNodeType()));
  }

  // A plan in execution_plan.json form with the planner's fields filled in.
  private static ObjectNode skeleton(String requirement, int executors, List<Task> tasks) {
    Plan plan =
        new Plan(
            requirement,
            new Complexity(0, "", List.of(), List.of()),
            executors,
            Plan.TASK_QUEUE,
            tasks,
            Map.of(),
            "",
            "",
            null);
    try {
      return (ObjectNode) Json.mapper().readTree(PlanJson.write(plan));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a written plan failed to parse", e);
    }
  }

  private static JsonNode complexityNode(Complexity complexity) {
    Plan plan = new Plan("-", complexity, 1, Plan.TASK_QUEUE, List.of(), Map.of(), "", "", null);
    try {
      return Json.mapper().readTree(PlanJson.write(plan)).get(COMPLEXITY);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a written plan failed to parse", e);
    }
  }

  private static Task placeholderTask() {
    return new Task(
        "task_1", "placeholder", "-", 3, Effort.MEDIUM, Duration.ofHours(1), List.of(), List.of());
  }
}
