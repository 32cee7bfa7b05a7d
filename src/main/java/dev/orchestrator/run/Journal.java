package dev.orchestrator.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.orchestrator.Json;
import dev.orchestrator.RunLayout;
import dev.orchestrator.Secrets;
import dev.orchestrator.output.Attempt;
import dev.orchestrator.output.AttemptJson;
import dev.orchestrator.output.Backend;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.output.UsageJson;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * <p>A crash can tear only the last line; {@link JournalRecords#replay} repairs that on reading.
 */
final class Journal implements AutoCloseable {

  static final String FILE = "journal.jsonl";

  private static final Logger log = LoggerFactory.getLogger(Journal.class);
  private static final ObjectMapper JSON =
      Json.mapper()
          .copy()
          .disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

  // A stream, not a FileChannel: executors that write here may be interrupted (cancel, timeout),
  // and an interrupt closes an interruptible channel for every thread.
  private final FileOutputStream out;
  private final Secrets secrets;
  private final Object forcing = new Object();

  @GuardedBy("this")
  private long written; // records written

  @GuardedBy("forcing")
  private long forced; // records known to be on disk

  private Journal(FileOutputStream out, Secrets secrets) {
    this.out = out;
    this.secrets = secrets;
  }

  /**
   * Opens the journal of a run directory for appending, creating it when absent.
   *
   * @param secrets masked in every record
   */
  static Journal open(Path runDirectory, Secrets secrets) {
    Path file = RunLayout.state(runDirectory).resolve(FILE);
    try {
      Files.createDirectories(file.getParent());
      return new Journal(new FileOutputStream(file.toFile(), true), secrets);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the journal " + file, e);
    }
  }

  /**
   * A run begins (or resumes) with {@code completedBefore} tasks already done.
   *
   * @param options the options the session runs with, by name, for a later {@code resume} to run
   *     with the same; never a key (they are masked besides)
   */
  void runStarted(
      Instant at,
      int executors,
      int completedBefore,
      Backend planner,
      Map<String, List<String>> options) {
    ObjectNode r = record("run_started", at);
    r.put("executors", executors);
    r.put("completed_before", completedBefore);
    if (planner != null) {
      ObjectNode node = r.putObject("planner").put("kind", planner.kind());
      node.put("model", planner.model());
      if (planner.usage() != null) {
        UsageJson.write(node, planner.usage());
      }
    }
    if (!options.isEmpty()) {
      ObjectNode recorded = r.putObject("options");
      options.forEach(
          (name, values) -> {
            ArrayNode array = recorded.putArray(name); // a flag's is empty
            values.forEach(array::add);
          });
    }
    append(r);
  }

  /**
   * A worker of a remote engine reported what ran an attempt, the first time in this session: a
   * resumed run names its executor from every session's reports.
   */
  void executorReported(Instant at, Backend executor) {
    ObjectNode r = record("executor_reported", at);
    r.putObject("executor").put("kind", executor.kind()).put("model", executor.model());
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
   * A task completed, at the end of its last attempt: its output is in place under its raw
   * directory. Appended before any dependent may start.
   *
   * @param manifest relative path to SHA-256 hex of every output file, for a resumed run to tell
   *     whether the output is intact
   */
  void taskCompleted(Path runDirectory, TaskResult task, Map<String, String> manifest) {
    ObjectNode r = record("task_completed", task.finishedAt());
    r.put("task", task.taskId());
    r.put(
        "raw_directory",
        runDirectory.relativize(task.rawDirectory()).toString().replace('\\', '/'));
    ObjectNode files = r.putObject("files");
    new TreeMap<>(manifest).forEach(files::put);
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
    byte[] line = (secrets.mask(toJson(record)) + "\n").getBytes(StandardCharsets.UTF_8);
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

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the journal", e);
    }
  }
}
