package dev.orchestrator.output.report;

import dev.orchestrator.output.Summary;
import dev.orchestrator.output.TaskResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run on the user's repository ({@code --repo}) as the report shows it: the summary's {@code
 * repository} object and what each task changed, with its patch. Both come from the run's files, so
 * {@code orchestrator report} shows the same as the run did.
 *
 * @param facts null when the summary has no {@code repository} object yet (a run that stopped
 *     before it ended)
 * @param changes one per task that ran on the repository, in plan order
 */
record RepositoryReport(RepositoryFacts facts, List<TaskChange> changes) {

  RepositoryReport {
    changes = List.copyOf(changes);
  }

  /**
   * The repository side of a run's summary; null when it ran no task on a repository.
   *
   * @param facts the summary's {@code repository} object; null when it has none
   * @param rows the report's tasks, whose order the changes follow
   */
  static RepositoryReport of(
      RepositoryFacts facts, Summary summary, List<TaskRow> rows, PatchExcerpt.Reader patches) {
    Map<String, TaskResult> lines = new HashMap<>();
    summary.tasks().forEach(line -> lines.put(line.taskId(), line));
    List<TaskChange> changes = new ArrayList<>();
    for (TaskRow row : rows) {
      TaskResult line = lines.get(row.id());
      TaskChange change = line == null ? null : TaskChange.of(line, patches);
      if (change != null) {
        changes.add(change);
      }
    }
    return facts == null && changes.isEmpty() ? null : new RepositoryReport(facts, changes);
  }
}
