package dev.orchestrator.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small plans for tests: tasks with sensible defaults and dependencies given as id lists. */
final class PlanFixture {

  private final List<Task> tasks = new ArrayList<>();
  private final Map<String, List<String>> dependencies = new LinkedHashMap<>();

  static PlanFixture plan() {
    return new PlanFixture();
  }

  static Task task(String id) {
    return task(id, Duration.ofMinutes(30));
  }

  static Task task(String id, Duration duration, String... files) {
    return new Task(
        id,
        "Build " + id,
        "Does the work of " + id,
        3,
        Effort.MEDIUM,
        duration,
        List.of(id + " works"),
        Arrays.asList(files));
  }

  PlanFixture with(Task task, String... dependsOn) {
    tasks.add(task);
    if (dependsOn.length > 0) {
      dependencies.put(task.id(), List.of(dependsOn));
    }
    return this;
  }

  PlanFixture with(String id, String... dependsOn) {
    return with(task(id), dependsOn);
  }

  Plan build() {
    return new Plan(
        "Build a todo list app",
        new Complexity(40, "a small web app", List.of("crud"), List.of("api", "ui")),
        3,
        Plan.TASK_QUEUE,
        tasks,
        dependencies,
        "critical path first",
        "",
        null);
  }
}
