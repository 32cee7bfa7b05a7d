package dev.orchestrator.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes {@code execution_plan.json}.
 *
 * <p>Reading is {@link PlanReader}'s: strict here, for plan files. The field names are written here
 * and read there; PlanJsonTest's round trips keep the two in step. {@code num_tasks} is written for
 * readers and ignored on reading. {@code forecast} (a {@link PlanForecast}) is written only when
 * the plan has one.
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

  private PlanJson() {}

  /** The mapper's reader for a whole JSON document: nothing after it, no key twice. */
  static ObjectReader strictReader() {
    return STRICT;
  }

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
    if (plan.forecast() != null) {
      ObjectNode forecast = root.putObject("forecast");
      forecast.put("executors", plan.forecast().executors());
      forecast.put("predicted_makespan", EstimatedDuration.format(plan.forecast().makespan()));
      forecast.put("speedup", plan.forecast().speedup());
      forecast.put("recommended_executors", plan.forecast().recommendedExecutors());
    }
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
}
