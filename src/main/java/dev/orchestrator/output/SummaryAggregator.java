package dev.orchestrator.output;

import dev.orchestrator.plan.Task;
import dev.orchestrator.plan.TaskStatus;
import dev.orchestrator.process.AgentFiles;
import dev.orchestrator.usage.TokenUsage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the record of a run into its {@link Summary}. File figures are measured on disk, in the raw
 * directories; every other figure comes from the record. Nothing is estimated: a figure that cannot
 * be measured is null.
 */
public final class SummaryAggregator {

  private SummaryAggregator() {}

  /**
   * The summary of a run.
   *
   * @param consolidation the result of {@link Consolidator#consolidate} for the same run, whose
   *     conflicts the summary reports
   * @throws IllegalArgumentException if the results are not exactly one per task of the plan
   * @throws UncheckedIOException if an output file cannot be read
   */
  public static Summary aggregate(RunRecord run, Consolidation consolidation) {
    Map<String, TaskResult> results = resultsByTask(run);
    List<TaskResult> tasks = new ArrayList<>();
    for (Task task : run.plan().tasks()) {
      TaskResult result = results.get(task.id());
      tasks.add(line(result, run.outputDirectory()));
    }
    return new Summary(
        run.plan().requirements(),
        run.startedAt(),
        run.finishedAt(),
        totals(run, tasks),
        tasks,
        consolidation.conflicts(),
        null,
        run.planner(),
        run.executor());
  }

  private static Map<String, TaskResult> resultsByTask(RunRecord run) {
    Map<String, TaskResult> results = new LinkedHashMap<>();
    for (TaskResult result : run.results()) {
      if (results.put(result.taskId(), result) != null) {
        throw new IllegalArgumentException("two results for " + result.taskId());
      }
    }
    Set<String> missing = new TreeSet<>();
    run.plan().tasks().forEach(t -> missing.add(t.id()));
    Set<String> unknown = new TreeSet<>(results.keySet());
    unknown.removeAll(missing);
    missing.removeAll(results.keySet());
    if (!missing.isEmpty() || !unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "the run record needs one result per task of the plan; missing "
              + missing
              + ", not in the plan "
              + unknown);
    }
    return results;
  }

  // The summary holds what its file holds: no raw directory, and only the files that are output.
  private static TaskResult line(TaskResult result, Path outputDirectory) {
    return new TaskResult(
        result.taskId(),
        result.name(),
        result.status(),
        result.attempts(),
        null,
        result.outputFiles().stream().filter(SummaryAggregator::isOutput).toList(),
        measure(outputDirectory, result),
        result.usage(),
        result.details(),
        result.error());
  }

  private static Totals totals(RunRecord run, List<TaskResult> tasks) {
    int[] byStatus = new int[TaskStatus.values().length];
    int files = 0;
    long lines = 0;
    Instant firstStart = null;
    Instant lastEnd = null;
    Duration busy = Duration.ZERO;
    TokenUsage usage = null;
    for (TaskResult task : tasks) {
      byStatus[task.status().ordinal()]++;
      files += task.metrics().filesCreated();
      lines += task.metrics().linesOfCode();
      if (task.duration() != null) {
        busy = busy.plus(task.duration());
        firstStart = earlier(firstStart, task.startedAt());
        lastEnd = later(lastEnd, task.finishedAt());
      }
      if (task.usage() != null) {
        usage = usage == null ? task.usage() : usage.plus(task.usage());
      }
    }
    // Planning was paid for too.
    if (run.planner() != null) {
      usage = TokenUsage.sum(usage, run.planner().usage());
    }
    // Only while the run was running: the pauses between the sessions of a resumed run are not
    // work, nor time the executors stood idle.
    Duration makespan = firstStart == null ? null : running(run, firstStart, lastEnd);
    Double utilisation =
        makespan == null ? null : ratio(busy.toMillis(), run.executors() * makespan.toMillis());
    return new Totals(
        tasks.size(),
        byStatus[TaskStatus.COMPLETED.ordinal()],
        byStatus[TaskStatus.FAILED.ordinal()],
        byStatus[TaskStatus.SKIPPED.ordinal()],
        byStatus[TaskStatus.NOT_STARTED.ordinal()],
        ratio(byStatus[TaskStatus.COMPLETED.ordinal()], tasks.size()),
        files,
        lines,
        running(run, run.startedAt(), run.finishedAt()),
        makespan,
        utilisation,
        run.executors(),
        usage,
        null,
        run.sessions());
  }

  private static Duration running(RunRecord run, Instant start, Instant end) {
    Duration span = Duration.between(start, end);
    for (Pause pause : run.pauses()) {
      span = span.minus(pause.within(start, end));
    }
    return span;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  /** {@code part / whole} to 4 places; null when the whole is zero, as 0/0 measures nothing. */
  private static Double ratio(long part, long whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(part)
            .divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP)
            .doubleValue();
  }

  private static FileMetrics measure(Path outputDirectory, TaskResult result) {
    RawDirectory raw = RawDirectory.of(outputDirectory, result);
    if (raw == null) {
      return FileMetrics.NONE;
    }
    int files = 0;
    long lines = 0;
    long bytes = 0;
    for (String path : result.outputFiles()) {
      if (raw.refusal(path).isEmpty() && isOutput(path)) {
        Path file = raw.resolve(path);
        files++;
        lines += nonBlankLines(file);
        bytes += size(file);
      }
    }
    return new FileMetrics(files, lines, bytes, null);
  }

  /**
   * Whether a file the task left is its output: not an agent's prompt and logs (the orchestrator
   * wrote them), nor what a tool made while the agent worked ({@code .pytest_cache/}, {@code
   * __pycache__/}, {@code node_modules/}).
   */
  static boolean isOutput(String path) {
    return !AgentFiles.contains(path) && !ProjectLayout.isGenerated(path);
  }

  /** Non-blank lines of a text file; 0 for a binary file (one holding a NUL byte). */
  static long nonBlankLines(Path file) {
    long lines = 0;
    boolean content = false;
    byte[] buffer = new byte[8192];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          byte b = buffer[i];
          if (b == 0) {
            return 0;
          } else if (b == '\n') {
            lines += content ? 1 : 0;
            content = false;
          } else if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0B) {
            content = true;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return lines + (content ? 1 : 0);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure " + file, e);
    }
  }
}
