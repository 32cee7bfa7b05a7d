package dev.orchestrator.run;

import dev.orchestrator.UsageException;
import dev.orchestrator.output.RunRecord;
import dev.orchestrator.output.Summary;
import dev.orchestrator.output.SummaryJson;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished run read back from its output directory, for {@code orchestrator verify}: its plan,
 * its summary, and each task's result as the summary recorded it, with its raw output in {@code
 * executor_<k>/<task_id>/}.
 */
record EarlierRun(Path directory, Plan plan, Summary summary, RunRecord record) {

  /**
   * Reads the run in a directory.
   *
   * @throws UsageException if the directory is not a finished run
   */
  static EarlierRun read(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir) || !OutputDirectory.isRun(dir)) {
      throw new UsageException(
          dir + " is not an orchestrator run; give the output directory of an earlier run");
    }
    Path planFile = dir.resolve(PlanJson.FILE_NAME);
    Path summaryFile = dir.resolve(SummaryJson.FILE_NAME);
    if (!Files.exists(planFile) || !Files.exists(summaryFile)) {
      throw new UsageException(
          dir
              + " has no "
              + (Files.exists(planFile) ? SummaryJson.FILE_NAME : PlanJson.FILE_NAME)
              + ": the run did not finish; finish it with orchestrator resume "
              + dir);
    }
    Plan plan = PlanJson.read(planFile);
    Summary summary = SummaryJson.read(summaryFile);
    List<TaskResult> results = new ArrayList<>();
    for (TaskResult task : summary.tasks()) {
      // The summary is data: the raw directory follows from its executor, never from a path in it.
      results.add(
          task.in(
              task.executorId() == null
                  ? null
                  : RunPaths.rawDirectory(dir, task.executorId(), task.taskId())));
    }
    RunRecord record =
        new RunRecord(
            plan,
            plan.executorBudget(),
            dir,
            summary.startedAt(),
            summary.finishedAt(),
            results,
            summary.planner(),
            summary.executor(),
            // The summary does not hold the pauses between the run's sessions, so neither does
            // this record (the verify step's repair rounds write the summary from it).
            List.of());
    return new EarlierRun(dir, plan, summary, record);
  }
}
