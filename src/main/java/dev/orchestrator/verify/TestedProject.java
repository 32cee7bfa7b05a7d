package dev.orchestrator.verify;

import dev.orchestrator.plan.Plan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the verify step tests: by default the project consolidated in the output directory; on a
 * user's repository, the files of the run's branch, judged against the tests that already failed on
 * the commit the run started from.
 */
public interface TestedProject {

  /**
   * Writes the files to test into {@code target}.
   *
   * @param outputDirectory the run's directory
   * @param target a directory that does not exist yet
   * @return the files written, relative and {@code /}-separated, sorted
   */
  List<String> copy(Path outputDirectory, Path target);

  /**
   * The tests that failed before the run, by name: reported in each round but not blamed on a task,
   * not sent back as fixes, and not failing the verification.
   *
   * @param outputDirectory the run's directory
   * @param plan the plan in effect
   */
  default Set<String> failingBefore(Path outputDirectory, Plan plan) {
    return Set.of();
  }

  /**
   * The tasks that wrote any of the given lines, as far as the project can tell; empty when it
   * cannot, and the tasks owning the files involved are blamed instead.
   *
   * @param lines lines a failing test ran, by file relative to the project
   * @param plan the plan in effect
   */
  default Set<String> writersOf(Map<String, Set<Integer>> lines, Plan plan) {
    return Set.of();
  }

  /** Whether every file tested is one the run wrote (so a simulated run's are placeholders). */
  default boolean runOutputsOnly() {
    return false;
  }

  /** The consolidated project in the output directory, with nothing known to fail before. */
  TestedProject CONSOLIDATED =
      new TestedProject() {
        @Override
        public List<String> copy(Path outputDirectory, Path target) {
          return ProjectCopy.copy(outputDirectory, target);
        }

        @Override
        public boolean runOutputsOnly() {
          return true;
        }
      };
}
