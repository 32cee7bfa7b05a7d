package dev.orchestrator.agent;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import dev.orchestrator.process.ProgressSink;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything an agent needs for one attempt of one task.
 *
 * @param executorId 1-based number of the executor running it
 * @param attempt 1 for the first attempt
 * @param dependencyOutputs for each task this one depends on, directly or not, the files it
 *     produced (absolute paths), in dependency order
 * @param progress where the agent reports what it is doing; never null
 */
public record TaskAssignment(
    Plan plan,
    Task task,
    int executorId,
    int attempt,
    TaskWorkspace workspace,
    Map<String, List<Path>> dependencyOutputs,
    ProgressSink progress) {

  public TaskAssignment {
    requireNonNull(plan, "plan");
    requireNonNull(task, "task");
    requireNonNull(workspace, "workspace");
    // Keeps the order, and leaves outputs not gathered yet so: most agents never look.
    dependencyOutputs = DependencyOutputs.copyOf(dependencyOutputs);
    requireNonNull(progress, "progress");
  }
}
