package dev.orchestrator.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.AtomicFile;
import dev.orchestrator.Json;
import dev.orchestrator.OrchestratorException;
import dev.orchestrator.plan.TaskStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads and writes {@code execution_summary.json}, the one place that knows its field names.
 *
 * <p>Field names are snake_case, times ISO-8601 instants, durations decimal seconds. A figure that
 * was not measured is written as JSON {@code null}, never left out, so readers can tell "zero" from
 * "unknown".
 */
public final class SummaryJson {

  /** The name of the summary in the output directory. */
  public static final String FILE_NAME = "execution_summary.json";

  /**
   * The version of the summary's layout, written as {@code schema_version}; docs/summary-schema.md
   * describes it. A summary without the field is of version 1.
   */
  public static final int SCHEMA_VERSION = 2;

  /**
   * The object a run on a repository adds to its summary ({@link SummaryAddition}): the repository,
   * the run's branch and the tests before and after, described in docs/summary-schema.md.
   */
  public static final String REPOSITORY = "repository";

  private static final String SCHEMA = "schema_version";
  private static final String PLANNER = "planner";
  private static final String EXECUTOR = "executor";
  private static final String KIND = "kind";
  private static final String MODEL = "model";
  private static final String REQUIREMENTS = "requirements";
  private static final String STARTED_AT = "started_at";
  private static final String FINISHED_AT = "finished_at";
  private static final String TOTAL_TASKS = "total_tasks";
  private static final String COMPLETED = "completed";
  private static final String FAILED = "failed";
  private static final String SKIPPED = "skipped";
  private static final String NOT_STARTED = "not_started";
  private static final String SUCCESS_RATE = "success_rate";
  private static final String TOTAL_FILES_CREATED = "total_files_created";
  private static final String TOTAL_LINES_OF_CODE = "total_lines_of_code";
  private static final String WALL_TIME_SECONDS = "wall_time_seconds";
  private static final String MAKESPAN_SECONDS = "makespan_seconds";
  private static final String SESSIONS = "sessions";
  private static final String PAUSES = "pauses";
  private static final String FROM = "from";
  private static final String TO = "to";
  private static final String EXECUTOR_UTILISATION = "executor_utilisation";
  private static final String EXECUTORS = "executors";
  private static final String TEST_COVERAGE = "test_coverage";
  private static final String TASKS = "tasks";
  private static final String CONFLICTS = "conflicts";

  private static final String ID = "id";
  private static final String NAME = "name";
  private static final String EXECUTOR_ID = "executor_id";
  private static final String STATUS = "status";
  private static final String ATTEMPTS = "attempts";
  private static final String ATTEMPT_HISTORY = "attempt_history";
  private static final String DURATION_SECONDS = "duration_seconds";
  private static final String OUTPUT_FILES = "output_files";
  private static final String METRICS = "metrics";
  private static final String FILES_CREATED = "files_created";
  private static final String LINES_OF_CODE = "lines_of_code";
  private static final String BYTES = "bytes";
  private static final String DETAILS = "details";
  private static final String ERROR = "error";

  private static final String PATH = "path";
  private static final String RESOLUTION = "resolution";
  private static final String KEPT = "kept";
  private static final String TASK = "task";
  private static final String SOURCE = "source";

  private SummaryJson() {}

  /** The summary as indented JSON, ending with a newline. */
  public static String write(Summary summary) {
    try {
      return Json.mapper().writeValueAsString(tree(summary)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree failed to serialise", e);
    }
  }

  private static ObjectNode tree(Summary summary) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put(SCHEMA, SCHEMA_VERSION);
    root.put(REQUIREMENTS, summary.requirements());
    putBackend(root, PLANNER, summary.planner());
    putBackend(root, EXECUTOR, summary.executor());
    root.put(STARTED_AT, summary.startedAt().toString());
    root.put(FINISHED_AT, summary.finishedAt().toString());
    Totals totals = summary.totals();
    root.put(TOTAL_TASKS, totals.totalTasks());
    root.put(COMPLETED, totals.completed());
    root.put(FAILED, totals.failed());
    root.put(SKIPPED, totals.skipped());
    root.put(NOT_STARTED, totals.notStarted());
    root.put(SUCCESS_RATE, totals.successRate());
    root.put(TOTAL_FILES_CREATED, totals.totalFilesCreated());
    root.put(TOTAL_LINES_OF_CODE, totals.totalLinesOfCode());
    root.put(WALL_TIME_SECONDS, seconds(totals.wallTime()));
    root.put(MAKESPAN_SECONDS, seconds(totals.makespan()));
    root.put(SESSIONS, totals.sessions());
    ArrayNode pauses = root.putArray(PAUSES);
    summary
        .pauses()
        .forEach(p -> pauses.addObject().put(FROM, p.from().toString()).put(TO, p.to().toString()));
    root.put(EXECUTOR_UTILISATION, totals.executorUtilisation());
    root.put(EXECUTORS, totals.executors());
    UsageJson.write(root, totals.usage());
    root.put(TEST_COVERAGE, totals.testCoverage());
    ArrayNode tasks = root.putArray(TASKS);
    summary.tasks().forEach(task -> writeTask(tasks.addObject(), task));
    ArrayNode conflicts = root.putArray(CONFLICTS);
    summary.conflicts().forEach(conflict -> writeConflict(conflicts.addObject(), conflict));
    VerificationJson.write(root, summary.verification());
    return root;
  }

  /**
   * Writes the summary to a file, replacing it; the text as {@link #write(Summary)} gives it,
   * streamed rather than held whole (it is tens of megabytes for 100,000 tasks).
   */
  public static void write(Summary summary, Path file) throws IOException {
    write(summary, Map.of(), file);
  }

  /**
   * As {@link #write(Summary, Path)}, with these top-level fields after the summary's own.
   *
   * @throws IllegalArgumentException if one of them has the name of a field of the summary's own
   */
  public static void write(Summary summary, Map<String, JsonNode> added, Path file)
      throws IOException {
    ObjectNode root = tree(summary);
    added.forEach(
        (name, value) -> {
          if (root.has(name)) {
            throw new IllegalArgumentException("the summary has its own field " + name);
          }
          root.set(name, value);
        });
    AtomicFile.write(
        file,
        out -> {
          Json.mapper()
              .writer()
              .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
              .writeValue(out, root);
          out.write('\n');
        });
  }

  private static void putBackend(ObjectNode root, String field, Backend backend) {
    if (backend == null) {
      root.putNull(field);
      return;
    }
    ObjectNode node = root.putObject(field);
    node.put(KIND, backend.kind());
    node.put(MODEL, backend.model());
    if (backend.usage() != null) {
      UsageJson.write(node, backend.usage());
    }
  }

  /** A backend, or null when the field is null or, in a summary of version 1, missing. */
  private static Backend readBackend(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    return new Backend(
        node.required(KIND).textValue(),
        nullable(node, MODEL, JsonNode::textValue),
        node.has(UsageJson.TOKENS) ? UsageJson.read(node) : null);
  }

  private static void writeTask(ObjectNode node, TaskResult task) {
    node.put(ID, task.taskId());
    node.put(NAME, task.name());
    node.put(EXECUTOR_ID, task.executorId());
    node.put(STATUS, task.status().label());
    node.put(ATTEMPTS, task.attempts().size());
    ArrayNode history = node.putArray(ATTEMPT_HISTORY);
    task.attempts().forEach(attempt -> AttemptJson.write(history.addObject(), attempt));
    node.put(STARTED_AT, text(task.startedAt()));
    node.put(FINISHED_AT, text(task.finishedAt()));
    node.put(DURATION_SECONDS, seconds(task.duration()));
    task.outputFiles().forEach(node.putArray(OUTPUT_FILES)::add);
    ObjectNode metrics = node.putObject(METRICS);
    metrics.put(FILES_CREATED, task.metrics().filesCreated());
    metrics.put(LINES_OF_CODE, task.metrics().linesOfCode());
    metrics.put(BYTES, task.metrics().bytes());
    metrics.put(TEST_COVERAGE, task.metrics().testCoverage());
    UsageJson.write(node, task.usage());
    ObjectNode details = node.putObject(DETAILS);
    new TreeMap<>(task.details()).forEach(details::put);
    node.put(ERROR, task.error());
  }

  private static void writeConflict(ObjectNode node, Conflict conflict) {
    node.put(PATH, conflict.path());
    conflict.tasks().forEach(node.putArray(TASKS)::add);
    node.put(RESOLUTION, conflict.resolution().label());
    ArrayNode kept = node.putArray(KEPT);
    for (Placement placement : conflict.kept()) {
      ObjectNode k = kept.addObject();
      k.put(TASK, placement.taskId());
      k.put(SOURCE, placement.source());
      k.put(PATH, placement.target());
    }
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static Double seconds(Duration duration) {
    return duration == null ? null : duration.toMillis() / 1000.0;
  }

  /**
   * Reads a summary file written by {@link #write(Summary, Path)}.
   *
   * @throws OrchestratorException if the file cannot be read or is not a summary
   */
  public static Summary read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException | RuntimeException e) {
      throw new OrchestratorException(
          file
              + " is not a readable execution summary ("
              + e.getMessage()
              + "); run the plan again to write a new one",
          e);
    }
  }

  /**
   * Parses summary JSON.
   *
   * @throws IllegalArgumentException if a required field is missing or mistyped
   * @throws JsonProcessingException if the text is not JSON
   */
  static Summary parse(String json) throws JsonProcessingException {
    JsonNode root = Json.mapper().readTree(json);
    List<TaskResult> tasks = new ArrayList<>();
    root.required(TASKS).forEach(node -> tasks.add(readTask(node)));
    List<Conflict> conflicts = new ArrayList<>();
    root.required(CONFLICTS).forEach(node -> conflicts.add(readConflict(node)));
    Totals totals =
        new Totals(
            root.required(TOTAL_TASKS).intValue(),
            root.required(COMPLETED).intValue(),
            root.required(FAILED).intValue(),
            root.required(SKIPPED).intValue(),
            root.required(NOT_STARTED).intValue(),
            nullable(root, SUCCESS_RATE, JsonNode::doubleValue),
            root.required(TOTAL_FILES_CREATED).intValue(),
            root.required(TOTAL_LINES_OF_CODE).longValue(),
            duration(root, WALL_TIME_SECONDS),
            duration(root, MAKESPAN_SECONDS),
            nullable(root, EXECUTOR_UTILISATION, JsonNode::doubleValue),
            root.required(EXECUTORS).intValue(),
            UsageJson.read(root),
            nullable(root, TEST_COVERAGE, JsonNode::doubleValue),
            root.path(SESSIONS).asInt(1));
    return new Summary(
        root.required(REQUIREMENTS).textValue(),
        instant(root, STARTED_AT),
        instant(root, FINISHED_AT),
        totals,
        tasks,
        conflicts,
        VerificationJson.read(root),
        readBackend(root, PLANNER),
        readBackend(root, EXECUTOR),
        pauses(root));
  }

  // Absent in a summary written before pauses were kept: its timeline starts at the last session.
  private static List<Pause> pauses(JsonNode root) {
    List<Pause> pauses = new ArrayList<>();
    root.path(PAUSES).forEach(p -> pauses.add(new Pause(instant(p, FROM), instant(p, TO))));
    return pauses;
  }

  private static TaskResult readTask(JsonNode node) {
    List<String> files = new ArrayList<>();
    node.required(OUTPUT_FILES).forEach(f -> files.add(f.textValue()));
    JsonNode m = node.required(METRICS);
    Map<String, String> details = new LinkedHashMap<>();
    node.required(DETAILS)
        .properties()
        .forEach(e -> details.put(e.getKey(), e.getValue().asText()));
    // executor_id, started_at, finished_at and duration_seconds are the attempts' (see TaskResult).
    return new TaskResult(
        node.required(ID).textValue(),
        node.required(NAME).textValue(),
        TaskStatus.valueOf(node.required(STATUS).textValue().toUpperCase(Locale.ROOT)),
        readAttempts(node),
        null,
        files,
        new FileMetrics(
            m.required(FILES_CREATED).intValue(),
            m.required(LINES_OF_CODE).longValue(),
            m.required(BYTES).longValue(),
            nullable(m, TEST_COVERAGE, JsonNode::doubleValue)),
        UsageJson.read(node),
        details,
        nullable(node, ERROR, JsonNode::textValue));
  }

  private static List<Attempt> readAttempts(JsonNode node) {
    List<Attempt> attempts = new ArrayList<>();
    node.required(ATTEMPT_HISTORY).forEach(a -> attempts.add(AttemptJson.read(a)));
    return attempts;
  }

  private static Conflict readConflict(JsonNode node) {
    List<String> tasks = new ArrayList<>();
    node.required(TASKS).forEach(t -> tasks.add(t.textValue()));
    List<Placement> kept = new ArrayList<>();
    node.required(KEPT)
        .forEach(
            k ->
                kept.add(
                    new Placement(
                        k.required(TASK).textValue(),
                        k.required(SOURCE).textValue(),
                        k.required(PATH).textValue())));
    return new Conflict(
        node.required(PATH).textValue(),
        tasks,
        Conflict.Resolution.fromLabel(node.required(RESOLUTION).textValue()),
        kept);
  }

  /** The field's value, or null when the field is JSON null; a missing field is an error. */
  private static <T> T nullable(JsonNode node, String field, Function<JsonNode, T> value) {
    JsonNode child = node.required(field);
    return child.isNull() ? null : value.apply(child);
  }

  private static Instant instant(JsonNode node, String field) {
    return nullable(node, field, n -> Instant.parse(n.textValue()));
  }

  private static Duration duration(JsonNode node, String field) {
    return nullable(node, field, n -> Duration.ofMillis(Math.round(n.doubleValue() * 1000)));
  }
}
