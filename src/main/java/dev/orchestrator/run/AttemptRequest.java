package dev.orchestrator.run;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.agent.DependencyOutputs;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one attempt at a task needs, whichever engine runs it.
 *
 * @param executor 1-based executor (slot) number
 * @param number 1 for the first attempt
 * @param directory where the attempt writes; cleared before the agent starts
 * @param dependencyOutputs for each task this one depends on, directly or not, the files it
 *     produced (absolute paths), nearest dependencies last
 */
public record AttemptRequest(
    Plan plan,
    Task task,
    int executor,
    int number,
    Path directory,
    Map<String, List<Path>> dependencyOutputs) {

  public AttemptRequest {
    requireNonNull(plan, "plan");
    requireNonNull(task, "task");
    requireNonNull(directory, "directory");
    // Keeps the order, and leaves outputs not gathered yet so: most agents never look.
    dependencyOutputs = DependencyOutputs.copyOf(dependencyOutputs);
  }
}
