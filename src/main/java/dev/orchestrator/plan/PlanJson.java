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
import static dev.orchestrator.plan.PlanFields.NUM_TASKS;
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
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.AtomicFile;
import dev.orchestrator.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes {@code execution_plan.json}.
 *
 * <p>Reading is {@link PlanReader}'s: strict here, for plan files. Both take the field names from
 * {@link PlanFields}; PlanJsonTest's round trips keep the two in step. {@code num_tasks} is written
 * for readers and ignored on reading. {@code forecast} (a {@link PlanForecast}) is written only
 * when the plan has one.
 */
public final class PlanJson {

  /** The plan's file name in an output directory. */
  public static final String FILE_NAME = "execution_plan.json";

  /** Largest plan file read: a plan of 100,000 tasks is far below it. */
  static final long MAX_FILE_BYTES = 256L << 20;

  private static final ObjectMapper MAPPER = Json.mapper();

  // A plan file is one JSON object: nothing after it, no key twice.
  private static final ObjectReader STRICT =
      MAPPER
          .reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

  private PlanJson() {}

  /** The mapper's reader for a whole JSON document: nothing after it, no key twice. */
  static ObjectReader strictReader() {
    return STRICT;
  }

  /**
   * Reads and validates a plan file.
   *
   * @throws InvalidPlanException if the file is missing, is not JSON or is not a valid plan
   */
  public static Plan read(Path file) {
    String text;
    try {
      // A device (/dev/zero) or a fifo is never opened: the one reads without end, the other
      // blocks until something writes to it.
      if (Files.exists(file) && !Files.isRegularFile(file)) {
        throw new InvalidPlanException(
            file.toString(),
            List.of(
                "it is not a regular file (a directory, device or pipe); give the plan file,"
                    + " e.g. --plan out/execution_plan.json"));
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
      }
      if (bytes.length > MAX_FILE_BYTES) {
        throw new InvalidPlanException(
            file.toString(),
            List.of(
                "the file is over the limit of "
                    + MAX_FILE_BYTES
                    + " bytes for a plan; give the plan file, not another file"));
      }
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidPlanException(
          file.toString(), "the file is not UTF-8 text; save the plan as UTF-8", e);
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
   * Parses and validates plan JSON strictly: an unknown field is an error ({@link
   * PlanReader#strict()}).
   *
   * @param source where the text came from, for messages
   * @throws InvalidPlanException listing every problem
   */
  public static Plan parse(String json, String source) {
    return PlanReader.strict().parse(json, source);
  }

  /** Serialises a plan in the contract's field order. */
  public static String write(Plan plan) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put(REQUIREMENTS, plan.requirements());
    ObjectNode complexity = root.putObject(COMPLEXITY);
    complexity.put(SCORE, plan.complexity().score());
    complexity.put(REASONING, plan.complexity().reasoning());
    strings(complexity.putArray(KEY_FEATURES_DETECTED), plan.complexity().keyFeaturesDetected());
    strings(complexity.putArray(TECHNICAL_COMPONENTS), plan.complexity().technicalComponents());
    root.put(NUM_TASKS, plan.tasks().size());
    root.put(EXECUTOR_BUDGET, plan.executorBudget());
    root.put(EXECUTION_MODEL, plan.executionModel());
    ArrayNode tasks = root.putArray(TASKS);
    for (Task task : plan.tasks()) {
      ObjectNode t = tasks.addObject();
      t.put(ID, task.id());
      t.put(NAME, task.name());
      t.put(DESCRIPTION, task.description());
      t.put(PRIORITY, task.priority());
      t.put(ESTIMATED_EFFORT, task.estimatedEffort().label());
      t.put(ESTIMATED_DURATION, EstimatedDuration.format(task.estimatedDuration()));
      strings(t.putArray(ACCEPTANCE_CRITERIA), task.acceptanceCriteria());
      if (!task.files().isEmpty()) {
        strings(t.putArray(FILES), task.files());
      }
    }
    ObjectNode dependencies = root.putObject(DEPENDENCIES);
    plan.dependencies().forEach((id, deps) -> strings(dependencies.putArray(id), deps));
    root.put(EXECUTION_STRATEGY, plan.executionStrategy());
    root.put(NOTES, plan.notes());
    if (plan.forecast() != null) {
      ObjectNode forecast = root.putObject(FORECAST);
      forecast.put(EXECUTORS, plan.forecast().executors());
      forecast.put(PREDICTED_MAKESPAN, EstimatedDuration.format(plan.forecast().makespan()));
      forecast.put(SPEEDUP, plan.forecast().speedup());
      forecast.put(RECOMMENDED_EXECUTORS, plan.forecast().recommendedExecutors());
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree failed to serialise", e);
    }
  }

  /** Writes the plan to a file, replacing it. */
  public static void write(Plan plan, Path file) throws IOException {
    AtomicFile.write(file, write(plan));
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
