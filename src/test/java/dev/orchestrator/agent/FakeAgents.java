package dev.orchestrator.agent;

import dev.orchestrator.plan.Complexity;
import dev.orchestrator.plan.Effort;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fake command-line agents for tests: bash scripts written into a test's directory, found through
 * the PATH of the environment handed to the agent (the JVM's own PATH is never changed), and the
 * plan and assignments they work on.
 */
final class FakeAgents {

  static final String REQUIREMENT = "Build a todo list app with backend API and frontend UI";

  private FakeAgents() {}

  /** Writes an executable bash script; the body runs with {@code set -u}. */
  static Path script(Path directory, String name, String body) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(name);
    Files.writeString(
        file, "#!/bin/bash\nset -u\nhere=\"$(cd \"$(dirname \"$0\")\" && pwd)\"\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  /**
   * An environment whose PATH finds the scripts of {@code directory} first, then the system's
   * tools.
   */
  static Map<String, String> environment(Path directory) {
    return Map.of(
        "PATH", directory + ":/usr/local/bin:/usr/bin:/bin", "HOME", directory.toString());
  }

  static Task task(String id, String name, List<String> files) {
    return new Task(
        id,
        name,
        "Builds the " + name.toLowerCase() + " of the app",
        2,
        Effort.MEDIUM,
        Duration.ofHours(1),
        List.of(name + " works", "It has tests"),
        files);
  }

  /** task_1 "Data model" ← task_2 "REST API". */
  static Plan plan() {
    return plan(REQUIREMENT);
  }

  /** task_1 "Data model" ← task_2 "REST API", for this requirement. */
  static Plan plan(String requirement) {
    return new Plan(
        requirement,
        new Complexity(40, "two layers", List.of("api"), List.of("python")),
        2,
        Plan.TASK_QUEUE,
        List.of(
            task("task_1", "Data model", List.of("src/models/**")),
            task("task_2", "REST API", List.of("src/api/**", "tests/api/**"))),
        Map.of("task_2", List.of("task_1")),
        "task_1 then task_2",
        "",
        null);
  }

  /** An assignment of task_2 in a fresh workspace, recording progress messages. */
  static TaskAssignment assignment(
      Path workspace, Map<String, List<Path>> dependencyOutputs, List<String> progress) {
    return assignment(plan(), workspace, dependencyOutputs, progress);
  }

  /** An assignment of task_2 of this plan in a fresh workspace, recording progress messages. */
  static TaskAssignment assignment(
      Plan plan, Path workspace, Map<String, List<Path>> dependencyOutputs, List<String> progress) {
    return new TaskAssignment(
        plan,
        plan.tasks().get(1),
        1,
        1,
        new TaskWorkspace(workspace),
        dependencyOutputs,
        (message, fraction) -> progress.add(message));
  }

  static TaskAssignment assignment(Path workspace) {
    return assignment(workspace, Map.of(), new CopyOnWriteArrayList<>());
  }
}
