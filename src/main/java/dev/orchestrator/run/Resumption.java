package dev.orchestrator.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.RunLayout;
import dev.orchestrator.Secrets;
import dev.orchestrator.UsageException;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an interrupted run leaves to trust: the tasks its journal records as completed whose output
 * files are still intact. Everything else of the earlier sessions is cleared to run again.
 *
 * @param records the journal's records, a torn last line repaired
 * @param intact completed tasks to keep, by id
 */
record Resumption(List<JsonNode> records, Map<String, TaskResult> intact) {

  /**
   * The plan file of a directory that can be resumed.
   *
   * @throws UsageException if the directory is not a run, lost its journal, or has no plan
   */
  static Path planFileOf(Path dir) {
    Path planFile = dir.resolve(PlanJson.FILE_NAME);
    if (Files.isDirectory(RunLayout.state(dir))
        && Files.exists(planFile)
        && !OutputDirectory.isRun(dir)) {
      throw new UsageException(
          dir
              + " has lost its journal ("
              + RunLayout.STATE
              + "/"
              + Journal.FILE
              + "), so no task of it can be trusted as done; run the plan again: orchestrator run"
              + " --plan "
              + planFile
              + " -o <new directory>");
    }
    if (!Files.isDirectory(dir) || !OutputDirectory.isRun(dir)) {
      throw new UsageException(
          dir
              + " is not an orchestrator run (it has no "
              + RunLayout.STATE
              + "/"
              + Journal.FILE
              + "); give the output directory of an earlier run");
    }
    if (!Files.exists(planFile)) {
      throw new UsageException(
          dir
              + " has no "
              + PlanJson.FILE_NAME
              + ", so there is nothing to resume; start a new run");
    }
    return planFile;
  }

  /**
   * Replays the journal of a locked run directory, keeps the intact completed tasks of the plan and
   * clears what the run will redo.
   */
  static Resumption prepare(Path dir, Plan plan, Secrets secrets) {
    List<JsonNode> records;
    RunLogFile resumeLog = RunLogFile.open(RunLayout.log(dir), true, secrets);
    try (resumeLog) {
      records = JournalRecords.replay(dir); // a repair is logged in the run's own log
    }
    Map<String, String> names = new LinkedHashMap<>();
    plan.tasks().forEach(t -> names.put(t.id(), t.name()));
    Map<String, TaskResult> intact = JournalRecords.intactCompletions(records, dir, names);
    OutputDirectory.prepareResume(
        dir, intact.values().stream().map(TaskResult::rawDirectory).collect(Collectors.toSet()));
    return new Resumption(records, intact);
  }
}
