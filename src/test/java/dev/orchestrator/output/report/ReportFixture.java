package dev.orchestrator.output.report;

import dev.orchestrator.output.Attempt;
import dev.orchestrator.output.FileMetrics;
import dev.orchestrator.output.Summary;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.output.Totals;
import dev.orchestrator.plan.Complexity;
import dev.orchestrator.plan.Effort;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import dev.orchestrator.plan.TaskStatus;
import dev.orchestrator.usage.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plan and the summary of a run of it, built task by task; times in seconds from the start. */
final class ReportFixture {

  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  private final List<Task> tasks = new ArrayList<>();
  private final Map<String, List<String>> dependencies = new LinkedHashMap<>();
  private final List<TaskResult> lines = new ArrayList<>();
  private String requirements = "Build a todo list app with backend API and frontend UI";
  private int executors = 2;
  private long wallSeconds = 60;

  ReportFixture requirements(String text) {
    requirements = text;
    return this;
  }

  ReportFixture executors(int count) {
    executors = count;
    return this;
  }

  ReportFixture wallSeconds(long seconds) {
    wallSeconds = seconds;
    return this;
  }

  TaskBuilder task(String id) {
    return new TaskBuilder(id);
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

  Summary summary() {
    int[] byStatus = new int[TaskStatus.values().length];
    int files = 0;
    long lines = 0;
    long busy = 0;
    Instant first = null;
    Instant last = null;
    TokenUsage usage = null;
    for (TaskResult line : this.lines) {
      byStatus[line.status().ordinal()]++;
      files += line.metrics().filesCreated();
      lines += line.metrics().linesOfCode();
      if (line.duration() != null) {
        busy += line.attempts().stream().mapToLong(a -> a.duration().toMillis()).sum();
        first = first == null || line.startedAt().isBefore(first) ? line.startedAt() : first;
        last = last == null || line.finishedAt().isAfter(last) ? line.finishedAt() : last;
      }
      if (line.usage() != null) {
        usage = usage == null ? line.usage() : usage.plus(line.usage());
      }
    }
    Duration makespan = first == null ? null : Duration.between(first, last);
    Double utilisation =
        makespan == null || makespan.isZero()
            ? null
            : busy / (double) (executors * makespan.toMillis());
    Totals totals =
        new Totals(
            this.lines.size(),
            byStatus[TaskStatus.COMPLETED.ordinal()],
            byStatus[TaskStatus.FAILED.ordinal()],
            byStatus[TaskStatus.SKIPPED.ordinal()],
            byStatus[TaskStatus.NOT_STARTED.ordinal()],
            this.lines.isEmpty()
                ? null
                : byStatus[TaskStatus.COMPLETED.ordinal()] / (double) this.lines.size(),
            files,
            lines,
            Duration.ofSeconds(wallSeconds),
            makespan,
            utilisation,
            executors,
            usage,
            null,
            1);
    return new Summary(
        requirements,
        START,
        START.plusSeconds(wallSeconds),
        totals,
        this.lines,
        List.of(),
        null,
        null,
        null,
        List.of());
  }

  final class TaskBuilder {
    private final String id;
    private String name;
    private Duration estimate = Duration.ofHours(1);
    private final List<String> dependsOn = new ArrayList<>();
    private final List<Attempt> earlier = new ArrayList<>();
    private int executor = 1;
    private long startSecond = 0;
    private long endSecond = 1;
    private TokenUsage usage;
    private String worker;
    private Map<String, String> details = Map.of();

    private TaskBuilder(String id) {
      this.id = id;
      this.name = "Name of " + id;
    }

    TaskBuilder named(String value) {
      name = value;
      return this;
    }

    TaskBuilder dependsOn(String... ids) {
      dependsOn.addAll(List.of(ids));
      return this;
    }

    TaskBuilder estimate(Duration value) {
      estimate = value;
      return this;
    }

    /** The attempts added from here on ran in this worker process (the Temporal engine's). */
    TaskBuilder onWorker(String value) {
      worker = value;
      return this;
    }

    /** An attempt before the last one, that failed. */
    TaskBuilder failedAttempt(int executorId, long start, long end, String error) {
      earlier.add(
          new Attempt(
              earlier.size() + 1,
              executorId,
              START.plusSeconds(start),
              START.plusSeconds(end),
              Attempt.Outcome.FAILED,
              error,
              worker));
      return this;
    }

    /** The last attempt runs on an executor from {@code start} to {@code end} seconds. */
    TaskBuilder ranOn(int executorId, long start, long end) {
      executor = executorId;
      startSecond = start;
      endSecond = end;
      return this;
    }

    /** The agent's facts about the task, such as a repository run's commit and merge. */
    TaskBuilder details(Map<String, String> value) {
      details = value;
      return this;
    }

    TaskBuilder usage(TokenUsage value) {
      usage = value;
      return this;
    }

    ReportFixture completed() {
      return ran(TaskStatus.COMPLETED, Attempt.Outcome.COMPLETED, null);
    }

    ReportFixture failed(String error) {
      return ran(TaskStatus.FAILED, Attempt.Outcome.FAILED, error);
    }

    ReportFixture skipped(String reason) {
      return add(
          TaskResult.notRun(id, name, TaskStatus.SKIPPED, reason).measured(FileMetrics.NONE));
    }

    private ReportFixture ran(TaskStatus status, Attempt.Outcome outcome, String error) {
      List<Attempt> attempts = new ArrayList<>(earlier);
      attempts.add(
          new Attempt(
              attempts.size() + 1,
              executor,
              START.plusSeconds(startSecond),
              START.plusSeconds(endSecond),
              outcome,
              error,
              worker));
      return add(
          new TaskResult(
              id,
              name,
              status,
              attempts,
              null,
              List.of("README.md", "main.py"),
              new FileMetrics(2, 12, 300, null),
              usage,
              details,
              error));
    }

    private ReportFixture add(TaskResult line) {
      tasks.add(
          new Task(
              id,
              name,
              "Description of " + id + ".",
              2,
              Effort.MEDIUM,
              estimate,
              List.of("it works"),
              List.of()));
      if (!dependsOn.isEmpty()) {
        dependencies.put(id, List.copyOf(dependsOn));
      }
      lines.add(line);
      return ReportFixture.this;
    }
  }
}
