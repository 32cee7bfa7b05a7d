package dev.orchestrator.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.Json;
import dev.orchestrator.RunLayout;
import dev.orchestrator.UsageException;
import dev.orchestrator.output.Attempt;
import dev.orchestrator.output.AttemptJson;
import dev.orchestrator.output.Backend;
import dev.orchestrator.output.Pause;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.output.UsageJson;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.TaskStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading a run's journal back: its records (a torn last line dropped and the file truncated to its
 * last good record; damage anywhere else is reported, never guessed around), the tasks it records
 * as completed, and the pauses between the sessions of a resumed run.
 */
final class JournalRecords {

  private static final Logger log = LoggerFactory.getLogger(JournalRecords.class);
  private static final ObjectMapper JSON = Json.mapper();

  private JournalRecords() {}

  /**
   * The tasks of the plan the journal records as completed whose output files are still intact
   * (each with the hashes its latest record gives), by id in the order of their latest records.
   *
   * @param names the name of each task of the plan, by id
   * @throws UsageException if a record cannot be read or names a path outside its task's raw
   *     directory
   */
  static Map<String, TaskResult> intactCompletions(
      List<JsonNode> records, Path runDirectory, Map<String, String> names) {
    Map<String, TaskResult> completed = new LinkedHashMap<>();
    Map<String, Map<String, String>> manifests = new LinkedHashMap<>();
    for (JsonNode r : records) {
      if (!r.path("type").asText().equals("task_completed")) {
        continue;
      }
      String task = r.path("task").asText();
      try {
        Map<String, String> manifest = new LinkedHashMap<>();
        r.required("files")
            .properties()
            .forEach(e -> manifest.put(e.getKey(), e.getValue().asText()));
        completed.put(task, completedTask(r, task, names.getOrDefault(task, task), runDirectory));
        manifests.put(task, manifest);
      } catch (IllegalArgumentException | DateTimeException e) {
        throw new UsageException(
            "the journal's completion record of "
                + task
                + " cannot be read ("
                + e.getMessage()
                + "); was the run made by another version? Run the plan again into a new"
                + " directory with orchestrator run --plan "
                + runDirectory.resolve(PlanJson.FILE_NAME));
      }
    }
    completed
        .values()
        .removeIf(
            task ->
                !names.containsKey(task.taskId())
                    || !FileHashes.intact(task.rawDirectory(), manifests.get(task.taskId())));
    return completed;
  }

  /**
   * The pauses between the sessions the records show and the session resuming them at {@code
   * resumedAt}: a session starts with its {@code run_started} record and ends with its last record
   * (a killed session has no {@code run_finished}).
   */
  static List<Pause> pauses(List<JsonNode> records, Instant resumedAt) {
    List<Pause> pauses = new ArrayList<>();
    Instant lastEnd = null;
    Instant sessionEnd = null;
    for (JsonNode r : records) {
      Instant at;
      try {
        at = Instant.parse(r.path("at").asText());
      } catch (java.time.format.DateTimeParseException e) {
        continue; // a record without a time says nothing about when the run ran
      }
      if (r.path("type").asText().equals("run_started")) {
        if (sessionEnd != null && at.isAfter(sessionEnd)) {
          pauses.add(new Pause(sessionEnd, at));
        }
        lastEnd = null;
      }
      lastEnd = lastEnd == null || at.isAfter(lastEnd) ? at : lastEnd;
      sessionEnd = lastEnd;
    }
    if (sessionEnd != null && resumedAt.isAfter(sessionEnd)) {
      pauses.add(new Pause(sessionEnd, resumedAt));
    }
    return pauses;
  }

  /**
   * What made the plan, as the first session that names it recorded it: a resumed run plans
   * nothing, so it names the planner of the run it resumes. Null when no session named one (a run
   * of a plan file).
   */
  static Backend planner(List<JsonNode> records) {
    for (JsonNode r : records) {
      JsonNode planner = r.path("planner");
      if (r.path("type").asText().equals("run_started") && planner.path("kind").isTextual()) {
        JsonNode model = planner.path("model");
        return new Backend(
            planner.get("kind").asText(),
            model.isTextual() ? model.asText() : null,
            planner.has(UsageJson.TOKENS) ? UsageJson.read(planner) : null);
      }
    }
    return null;
  }

  /**
   * The options the last session that recorded any ran with, by name; empty when none did (a run
   * started before options were recorded).
   */
  static Map<String, List<String>> options(List<JsonNode> records) {
    Map<String, List<String>> options = new LinkedHashMap<>();
    for (JsonNode r : records) {
      if (r.path("type").asText().equals("run_started") && r.path("options").isObject()) {
        options.clear();
        r.get("options")
            .properties()
            .forEach(
                e -> {
                  List<String> values = new ArrayList<>();
                  e.getValue().forEach(v -> values.add(v.asText()));
                  options.put(e.getKey(), values);
                });
      }
    }
    return options;
  }

  /**
   * The records of a run's journal, read without repairing it (its run may be going on): a line
   * that is not a record is left out.
   */
  static List<JsonNode> peek(Path runDirectory) {
    Path file = RunLayout.state(runDirectory).resolve(Journal.FILE);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(JournalRecords::parse)
          .filter(java.util.Objects::nonNull)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the journal " + file, e);
    }
  }

  /** What the workers of a remote engine reported running the attempts of earlier sessions. */
  static List<Backend> executors(List<JsonNode> records) {
    List<Backend> executors = new ArrayList<>();
    for (JsonNode r : records) {
      JsonNode executor = r.path("executor");
      if (r.path("type").asText().equals("executor_reported")
          && executor.path("kind").isTextual()) {
        JsonNode model = executor.path("model");
        executors.add(
            new Backend(executor.get("kind").asText(), model.isTextual() ? model.asText() : null));
      }
    }
    return executors;
  }

  private static TaskResult completedTask(JsonNode r, String task, String name, Path runDirectory) {
    List<String> files = new ArrayList<>();
    r.required("files").fieldNames().forEachRemaining(files::add);
    List<Attempt> attempts = new ArrayList<>();
    r.required("attempts").forEach(a -> attempts.add(AttemptJson.read(a)));
    Map<String, String> details = new LinkedHashMap<>();
    r.path("details").properties().forEach(e -> details.put(e.getKey(), e.getValue().asText()));
    // Paths of the journal are data like any other: relative, and inside this run.
    Path raw =
        RunPaths.rawDirectoryFromJournal(runDirectory, r.required("raw_directory").asText(), task);
    files.forEach(file -> RunPaths.inside(raw, file));
    return new TaskResult(
        task,
        name,
        TaskStatus.COMPLETED,
        attempts,
        raw,
        files.stream().sorted().toList(),
        null,
        UsageJson.read(r),
        details,
        null);
  }

  /**
   * Reads every record of a run's journal, repairing a torn last line.
   *
   * @return the records in order; empty when there is no journal
   * @throws UsageException if a line other than the last cannot be read
   */
  static List<JsonNode> replay(Path runDirectory) {
    Path file = RunLayout.state(runDirectory).resolve(Journal.FILE);
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      List<JsonNode> records = new ArrayList<>();
      int start = 0;
      int lineNumber = 0;
      while (start < bytes.length) {
        int end = start;
        while (end < bytes.length && bytes[end] != '\n') {
          end++;
        }
        lineNumber++;
        boolean complete = end < bytes.length;
        String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        JsonNode record = parse(line);
        if (record == null || !complete) {
          if (complete && hasMoreLines(bytes, end + 1)) {
            throw new UsageException(
                "the journal "
                    + file
                    + " is damaged at line "
                    + lineNumber
                    + " (not a record);"
                    + " it cannot be resumed safely: run the plan again into a new directory with"
                    + " orchestrator run --plan "
                    + runDirectory.resolve(PlanJson.FILE_NAME));
          }
          log.warn("journal {}: dropped a torn last record at line {}", file, lineNumber);
          truncate(file, start);
          break;
        }
        records.add(record);
        start = end + 1;
      }
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the journal " + file, e);
    }
  }

  private static JsonNode parse(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      return node != null && node.isObject() && node.hasNonNull("type") ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static boolean hasMoreLines(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (!Character.isWhitespace(bytes[i])) {
        return true;
      }
    }
    return false;
  }

  private static void truncate(Path file, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size);
      channel.force(true);
    }
  }
}
