package dev.orchestrator.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.UsageException;
import dev.orchestrator.output.Attempt;
import dev.orchestrator.output.AttemptJson;
import dev.orchestrator.output.UsageJson;
import dev.orchestrator.plan.PlanJson;
import java.io.FileOutputStream;
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
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only record of a run's state changes, {@code .orchestrator/journal.jsonl}: one JSON
 * object per line. Records that something waits on (a completion, before a dependent may start or a
 * resumed run may trust the output; the start and end of a run) are forced to disk before their
 * append returns. Executors completing at the same time share one force (group commit). Records
 * nothing waits on (an attempt started or ended, a task failed or skipped: a resumed run redoes
 * every task that did not complete) are written at once and reach the disk with the next force.
 *
 * <p>A crash can tear only the last line. {@link #replay} drops such a line and truncates the file
 * to its last good record; damage anywhere else is reported, never guessed around.
 */
final class Journal implements AutoCloseable {

  static final String FILE = "journal.jsonl";

  private static final Logger log = LoggerFactory.getLogger(Journal.class);
  private static final ObjectMapper JSON =
      PlanJson.mapper()
          .copy()
          .disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

  // A stream, not a FileChannel: executors that write here may be interrupted (cancel, timeout),
  // and an interrupt closes an interruptible channel for every thread.
  private final FileOutputStream out;
  private final Object forcing = new Object();
  private long written; // records written, guarded by this
  private long forced; // records known to be on disk, guarded by forcing

  private Journal(FileOutputStream out) {
    this.out = out;
  }

  /** Opens the journal of a run directory for appending, creating it when absent. */
  static Journal open(Path runDirectory) {
    Path file = runDirectory.resolve(OutputDirectory.STATE).resolve(FILE);
    try {
      Files.createDirectories(file.getParent());
      return new Journal(new FileOutputStream(file.toFile(), true));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the journal " + file, e);
    }
  }

  /** A run begins (or resumes) with {@code completedBefore} tasks already done. */
  void runStarted(Instant at, int executors, int completedBefore) {
    ObjectNode r = record("run_started", at);
    r.put("executors", executors);
    r.put("completed_before", completedBefore);
    append(r);
  }

  /** An attempt at a task begins; its output goes to an attempt directory. */
  void attemptStarted(Instant at, String taskId, int executor, int attempt) {
    ObjectNode r = record("attempt_started", at);
    r.put("task", taskId);
    r.put("executor", executor);
    r.put("attempt", attempt);
    appendLazily(r);
  }

  /** An attempt ended without completing the task. */
  void attemptEnded(String taskId, Attempt attempt) {
    ObjectNode r = record("attempt_ended", attempt.finishedAt());
    r.put("task", taskId);
    AttemptJson.write(r, attempt);
    appendLazily(r);
  }

  /**
   * A task completed: its output is in place under {@code rawDirectory} with these file hashes.
   * Appended before any dependent may start.
   */
  void taskCompleted(Instant at, Path runDirectory, CompletedTask task) {
    ObjectNode r = record("task_completed", at);
    r.put("task", task.taskId());
    r.put(
        "raw_directory",
        runDirectory.relativize(task.rawDirectory()).toString().replace('\\', '/'));
    ObjectNode files = r.putObject("files");
    new TreeMap<>(task.files()).forEach(files::put);
    ArrayNode attempts = r.putArray("attempts");
    task.attempts().forEach(a -> AttemptJson.write(attempts.addObject(), a));
    UsageJson.write(r, task.usage());
    ObjectNode details = r.putObject("details");
    new TreeMap<>(task.details()).forEach(details::put);
    append(r);
  }

  /** A task ended for good without completing: failed, or skipped because of a failure. */
  void taskEnded(Instant at, String taskId, String status, String reason) {
    ObjectNode r = record("task_" + status, at);
    r.put("task", taskId);
    r.put("reason", reason);
    appendLazily(r);
  }

  /** The run ended, completely or because it was interrupted. */
  void runFinished(Instant at, boolean interrupted) {
    ObjectNode r = record("run_finished", at);
    r.put("interrupted", interrupted);
    append(r);
  }

  private static ObjectNode record(String type, Instant at) {
    ObjectNode record = JSON.createObjectNode();
    record.put("type", type);
    record.put("at", at.toString());
    return record;
  }

  /**
   * The tasks the journal records as completed, latest record per task, as they were recorded
   * (whether their files are still intact is for the caller to check).
   */
  static Map<String, CompletedTask> completedTasks(List<JsonNode> records, Path runDirectory) {
    Map<String, CompletedTask> completed = new LinkedHashMap<>();
    for (JsonNode r : records) {
      if (!r.path("type").asText().equals("task_completed")) {
        continue;
      }
      String task = r.path("task").asText();
      try {
        completed.put(task, completedTask(r, task, runDirectory));
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
    return completed;
  }

  private static CompletedTask completedTask(JsonNode r, String task, Path runDirectory) {
    Map<String, String> files = new LinkedHashMap<>();
    r.required("files").properties().forEach(e -> files.put(e.getKey(), e.getValue().asText()));
    List<Attempt> attempts = new ArrayList<>();
    r.required("attempts").forEach(a -> attempts.add(AttemptJson.read(a)));
    Map<String, String> details = new LinkedHashMap<>();
    r.path("details").properties().forEach(e -> details.put(e.getKey(), e.getValue().asText()));
    return new CompletedTask(
        task,
        runDirectory.resolve(r.required("raw_directory").asText()),
        files,
        attempts,
        UsageJson.read(r),
        details);
  }

  /** Appends one record and forces it, and any written before it, to disk. Thread-safe. */
  private void append(ObjectNode record) {
    long number = appendLazily(record);
    synchronized (forcing) {
      if (forced >= number) {
        return; // another executor's force carried this record to disk
      }
      long upTo;
      synchronized (this) {
        upTo = written;
      }
      try {
        out.getFD().sync();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot force the journal to disk", e);
      }
      forced = upTo;
    }
  }

  /** Writes one record without forcing it; returns its number. Thread-safe. */
  private long appendLazily(ObjectNode record) {
    byte[] line = (toJson(record) + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (this) {
      try {
        out.write(line);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to the journal", e);
      }
      return ++written;
    }
  }

  private static String toJson(ObjectNode record) {
    try {
      return JSON.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a journal record is always serialisable", e);
    }
  }

  /**
   * Reads every record of a run's journal, repairing a torn last line.
   *
   * @return the records in order; empty when there is no journal
   * @throws UsageException if a line other than the last cannot be read
   */
  static List<JsonNode> replay(Path runDirectory) {
    Path file = runDirectory.resolve(OutputDirectory.STATE).resolve(FILE);
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

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the journal", e);
    }
  }
}
