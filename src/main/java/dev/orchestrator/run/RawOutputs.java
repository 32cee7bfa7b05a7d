package dev.orchestrator.run;

import dev.orchestrator.FileScan;
import dev.orchestrator.SafeFiles;
import dev.orchestrator.agent.DependencyOutputs;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.plan.TaskGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Where the tasks' raw outputs live: an ended attempt's directory is moved in one step into {@code
 * executor_<k>/<task_id>/}, and a task's agent is given the files of every task it depends on.
 * Thread-safe: each task's output is set once, by the executor that ran it, before its dependents
 * can start.
 */
final class RawOutputs {

  private final ExecutionContext context;
  private final Path runDirectory;
  private final TaskGraph graph;
  private final AtomicReferenceArray<TaskResult> outputs;

  /** The outputs of a run, the tasks completed before it already in place. */
  RawOutputs(ExecutionContext context) {
    this.context = context;
    this.runDirectory = context.directory();
    this.graph = context.graph();
    this.outputs = new AtomicReferenceArray<>(graph.size());
    context.completedBefore().forEach((id, task) -> outputs.set(graph.indexOf(id), task));
  }

  /** The attempt directory of attempt {@code number} of a task, below the run's state. */
  Path attemptDirectory(String taskId, int number) {
    return RunPaths.attemptDirectory(runDirectory, taskId, number);
  }

  /**
   * Moves an ended run's files into {@code executor_<k>/<task_id>/}, replacing what a crashed
   * earlier run may have left there, gives each hard-linked file a copy of its own, and records
   * them as the task's output: a completed run's known files (its manifest), else whatever its last
   * attempt left.
   *
   * @param run its directory is the attempt's; it may not exist when the agent wrote nothing
   * @return the task's result, its files now below the raw directory
   * @throws UncheckedIOException if they cannot be moved
   */
  TaskResult place(int task, int executor, TaskRun run) {
    Path attemptDirectory = run.directory();
    Path raw = RunPaths.rawDirectory(runDirectory, executor, graph.id(task));
    boolean completed = run.outcome() == TaskRun.Outcome.COMPLETED;
    List<String> files;
    try {
      OutputDirectory.deleteTree(runDirectory, raw);
      Files.createDirectories(raw.getParent());
      if (attemptDirectory != null && Files.isDirectory(attemptDirectory)) {
        Files.move(attemptDirectory, raw, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.createDirectories(raw);
      }
      // An agent may have left hard links to files outside; the raw output holds copies, so
      // nothing done to it later (scrubbing, a dependent's edits) reaches those files. A local
      // attempt made them in its own walk; any other output is walked here, once.
      if (completed && run.output().ownCopies()) {
        files = run.output().files();
      } else {
        FileScan scan = FileScan.of(raw);
        SafeFiles.detachHardLinks(scan);
        files = completed ? run.output().files() : scan.paths();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot move the output of " + graph.id(task) + " into " + raw + ": " + e, e);
    }
    TaskResult result = run.result(graph.id(task), context.name(task), raw, files);
    outputs.set(task, result);
    return result;
  }

  /**
   * The files of every task this one depends on, directly or not, by task id in topological order
   * (nearest dependencies last, so that where two have a file at the same path, the nearest wins).
   */
  Map<String, List<Path>> dependencyOutputs(int task) {
    // Gathered when an agent asks (the simulated one never does): a walk over every transitive
    // dependency per attempt made a 100,000-task plan quadratic.
    return DependencyOutputs.lazily(() -> gather(task));
  }

  private Map<String, List<Path>> gather(int task) {
    Map<String, List<Path>> files = new LinkedHashMap<>();
    for (int d : graph.transitiveDependenciesInOrder(task)) {
      TaskResult output = outputs.get(d);
      if (output != null) {
        files.put(
            graph.id(d),
            output.outputFiles().stream().map(output.rawDirectory()::resolve).toList());
      }
    }
    return files;
  }
}
