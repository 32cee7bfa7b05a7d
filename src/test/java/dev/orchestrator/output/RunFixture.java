package dev.orchestrator.output;

import dev.orchestrator.plan.Complexity;
import dev.orchestrator.plan.Effort;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import dev.orchestrator.plan.TaskStatus;
import dev.orchestrator.usage.TokenUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a run as the dispatcher would leave it: a plan, and for each task a result whose raw files
 * really exist under {@code executor_<k>/<task_id>/} of a temporary output directory.
 */
final class RunFixture {

  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  private final Path outputDirectory;
  private final List<Task> tasks = new ArrayList<>();
  private final Map<String, List<String>> dependencies = new LinkedHashMap<>();
  private final List<TaskResult> results = new ArrayList<>();
  private String requirements = "Build a todo list app with backend API and frontend UI";
  private int executors = 2;
  private long runSeconds = 60;

  RunFixture(Path outputDirectory) {
    this.outputDirectory = outputDirectory;
  }

  RunFixture requirements(String text) {
    requirements = text;
    return this;
  }

  RunFixture executors(int count) {
    executors = count;
    return this;
  }

  RunFixture runSeconds(long seconds) {
    runSeconds = seconds;
    return this;
  }

  TaskBuilder task(String id) {
    return new TaskBuilder(id);
  }

  Path outputDirectory() {
    return outputDirectory;
  }

  Plan plan() {
    return new Plan(
        requirements,
        new Complexity(40, "fixture", List.of(), List.of()),
        executors,
        Plan.TASK_QUEUE,
        tasks,
        dependencies,
        "fixture strategy",
        "",
        null);
  }

  RunRecord record() {
    return new RunRecord(
        plan(),
        executors,
        outputDirectory,
        START,
        START.plusSeconds(runSeconds),
        results,
        null,
        null,
        List.of());
  }

  final class TaskBuilder {
    private final String id;
    private String name;
    private String description;
    private List<String> criteria = List.of("it works");
    private final List<String> dependsOn = new ArrayList<>();
    private final Map<String, String> files = new TreeMap<>();
    private int executor = 1;
    private long startSecond = 0;
    private long endSecond = 1;
    private int attempts = 1;
    private TokenUsage usage;

    private TaskBuilder(String id) {
      this.id = id;
      this.name = "Name of " + id;
      this.description = "Description of " + id + ".";
    }

    TaskBuilder named(String value) {
      name = value;
      return this;
    }

    TaskBuilder described(String value, String... acceptanceCriteria) {
      description = value;
      criteria = List.of(acceptanceCriteria);
      return this;
    }

    TaskBuilder dependsOn(String... ids) {
      dependsOn.addAll(List.of(ids));
      return this;
    }

    /** A file the task writes, relative to its raw directory. */
    TaskBuilder writes(String path, String content) {
      files.put(path, content);
      return this;
    }

    /** Runs on an executor from {@code start} to {@code end}, seconds after the run started. */
    TaskBuilder ranOn(int executorId, long start, long end) {
      executor = executorId;
      startSecond = start;
      endSecond = end;
      return this;
    }

    TaskBuilder attempts(int count) {
      attempts = count;
      return this;
    }

    TaskBuilder usage(TokenUsage value) {
      usage = value;
      return this;
    }

    RunFixture completed() {
      return ran(TaskStatus.COMPLETED, null);
    }

    RunFixture failed(String error) {
      return ran(TaskStatus.FAILED, error);
    }

    RunFixture skipped(String error) {
      return neverStarted(TaskStatus.SKIPPED, error);
    }

    RunFixture notStarted() {
      return neverStarted(TaskStatus.NOT_STARTED, "the run was cancelled");
    }

    private RunFixture ran(TaskStatus status, String error) {
      Path raw = Path.of("executor_" + executor, id);
      files.forEach((path, content) -> write(outputDirectory.resolve(raw).resolve(path), content));
      add(
          new TaskResult(
              id,
              name,
              status,
              attemptHistory(status, error),
              raw,
              List.copyOf(files.keySet()),
              null,
              usage,
              Map.of(),
              error));
      return RunFixture.this;
    }

    // Earlier attempts failed; the last one ended as the task did.
    private List<Attempt> attemptHistory(TaskStatus status, String error) {
      List<Attempt> history = new java.util.ArrayList<>();
      for (int n = 1; n <= attempts; n++) {
        boolean last = n == attempts;
        Attempt.Outcome outcome =
            last && status == TaskStatus.COMPLETED
                ? Attempt.Outcome.COMPLETED
                : Attempt.Outcome.FAILED;
        history.add(
            new Attempt(
                n,
                executor,
                START.plusSeconds(startSecond),
                START.plusSeconds(endSecond),
                outcome,
                outcome == Attempt.Outcome.COMPLETED ? null : (error == null ? "failed" : error)));
      }
      return history;
    }

    private RunFixture neverStarted(TaskStatus status, String error) {
      add(TaskResult.notRun(id, name, status, error));
      return RunFixture.this;
    }

    private void add(TaskResult result) {
      tasks.add(
          new Task(
              id, name, description, 2, Effort.MEDIUM, Duration.ofHours(1), criteria, List.of()));
      if (!dependsOn.isEmpty()) {
        dependencies.put(id, List.copyOf(dependsOn));
      }
      results.add(result);
    }
  }

  static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
