package dev.orchestrator.run;

import dev.orchestrator.plan.Complexity;
import dev.orchestrator.plan.Effort;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Plans made for run tests. */
public final class Plans {

  private Plans() {}

  /**
   * A layered random DAG of {@code size} tasks (seeded, so always the same): each task depends on
   * up to three earlier ones and owns its own source directory.
   */
  public static Plan layered(int size, long seed) {
    Random random = new Random(seed);
    List<Task> tasks = new ArrayList<>();
    Map<String, List<String>> dependencies = new LinkedHashMap<>();
    for (int i = 1; i <= size; i++) {
      tasks.add(
          new Task(
              "task_" + i,
              "Component " + i,
              "builds component " + i,
              1 + random.nextInt(5),
              Effort.MEDIUM,
              Duration.ofMinutes(30L * (1 + random.nextInt(4))),
              List.of("component " + i + " works"),
              List.of("src/c" + i + "/**", "tests/c" + i + "/**")));
      List<String> deps = new ArrayList<>();
      for (int k = 0; k < 3 && i > 1; k++) {
        String dep = "task_" + (1 + random.nextInt(i - 1));
        if (random.nextInt(3) > 0 && !deps.contains(dep)) {
          deps.add(dep);
        }
      }
      if (!deps.isEmpty()) {
        dependencies.put("task_" + i, deps);
      }
    }
    return new Plan(
        "a layered test plan",
        new Complexity(70, "test", List.of(), List.of()),
        4,
        Plan.TASK_QUEUE,
        tasks,
        dependencies,
        "",
        "",
        null);
  }
}
