package dev.orchestrator.schedule;

import dev.orchestrator.plan.Complexity;
import dev.orchestrator.plan.Effort;
import dev.orchestrator.plan.FileConflicts;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.plan.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A random plan to dispatch, with everything the dispatcher is given (graph, rank, file conflicts)
 * and which tasks fail when they run.
 *
 * <p>Tasks are made in lanes, strands of work such as a component. A lane is a series of stages of
 * one to eight tasks, and a task depends on one to three tasks of the previous stage of its lane
 * (setup, then parallel work, then integration), and now and then on any earlier task. So the graph
 * is deep; it is wide where there are many lanes; a completion often readies several tasks at once;
 * and a failure skips only part of it. Tasks are placed at shuffled positions so that plan order is
 * not a topological order. Durations are 1 to 100 ms; some tasks claim files from a small pool of
 * overlapping patterns, which makes file conflicts.
 *
 * @param order the positions in the order the tasks were made: every task after its dependencies
 */
record Workload(
    Plan plan, TaskGraph graph, int[] rank, int[][] conflicts, BitSet failing, int[] order) {

  private static final List<String> FILES =
      List.of(
          "src/api/**",
          "src/api/routes.py",
          "src/ui/**",
          "src/ui/app.js",
          "src/*.py",
          "src/main.py",
          "docs/**",
          "docs/guide.md",
          "README.md",
          "tests/**",
          "tests/api/test_routes.py");

  /** A dispatcher for this workload on daemon threads. */
  Dispatcher dispatcher(int executors) {
    return new Dispatcher(graph, rank, conflicts, executors, DaemonThreads.named("executor"));
  }

  /** Tasks per lane by default. */
  private static final int LANE = 100;

  /**
   * A plan with a lane per hundred tasks.
   *
   * @param conflictShare share of tasks that claim files
   * @param failures how many tasks, chosen at random, fail when they run
   */
  static Workload random(long seed, int size, double conflictShare, int failures) {
    return random(seed, size, 1 + size / LANE, conflictShare, failures);
  }

  /** A plan with the given number of lanes: fewer lanes, fewer tasks ready at once. */
  static Workload random(long seed, int size, int lanes, double conflictShare, int failures) {
    Random random = new Random(seed);
    int[] position = shuffled(size, random);
    List<Task> tasks = new ArrayList<>(Collections.nCopies(size, (Task) null));
    Map<String, List<String>> dependencies = new LinkedHashMap<>();
    BitSet failing = new BitSet(size);
    List<Lane> strands = new ArrayList<>();
    for (int l = 0; l < lanes; l++) {
      strands.add(new Lane());
    }
    for (int k = 0; k < size; k++) {
      int at = position[k];
      List<String> files = new ArrayList<>();
      if (random.nextDouble() < conflictShare) {
        files.add(FILES.get(random.nextInt(FILES.size())));
      }
      tasks.set(
          at,
          new Task(
              id(at),
              "Task " + (at + 1),
              "generated",
              1 + random.nextInt(5),
              Effort.MEDIUM,
              Duration.ofMillis(1 + random.nextInt(100)),
              List.of(),
              files));
      Set<Integer> deps = strands.get(random.nextInt(lanes)).add(k, random);
      if (k > 0 && random.nextInt(20) == 0) {
        deps.add(random.nextInt(k));
      }
      if (!deps.isEmpty()) {
        dependencies.put(id(at), deps.stream().map(j -> id(position[j])).toList());
      }
    }
    while (failing.cardinality() < Math.min(failures, size)) {
      failing.set(random.nextInt(size));
    }
    Plan plan =
        new Plan(
            "generated",
            new Complexity(50, "", List.of(), List.of()),
            1,
            Plan.TASK_QUEUE,
            tasks,
            dependencies,
            "",
            "",
            null);
    TaskGraph graph = TaskGraph.of(plan);
    return new Workload(
        plan,
        graph,
        DispatchOrder.criticalPathFirst(plan, graph),
        FileConflicts.adjacency(plan, graph),
        failing,
        position);
  }

  private static String id(int position) {
    return "task_" + (position + 1);
  }

  private static int[] shuffled(int size, Random random) {
    int[] values = new int[size];
    for (int i = 0; i < size; i++) {
      int j = random.nextInt(i + 1);
      values[i] = values[j];
      values[j] = i;
    }
    return values;
  }

  /** The same plan where every task succeeds. */
  Workload withoutFailures() {
    return new Workload(plan, graph, rank, conflicts, new BitSet(), order);
  }

  int size() {
    return graph.size();
  }

  boolean fails(int task) {
    return failing.get(task);
  }

  /**
   * The final status of every task when the run is not stopped, worked out on its own: a task runs
   * when all its dependencies completed, and is skipped otherwise.
   */
  TaskStatus[] expectedStatuses() {
    TaskStatus[] status = new TaskStatus[size()];
    for (int t : order) {
      boolean runs = true;
      for (int d : graph.dependencies(t)) {
        runs &= status[d] == TaskStatus.COMPLETED;
      }
      status[t] = !runs ? TaskStatus.SKIPPED : fails(t) ? TaskStatus.FAILED : TaskStatus.COMPLETED;
    }
    return status;
  }

  /** Every task that depends, directly or not, on one of the given tasks. */
  BitSet dependentsOf(BitSet tasks) {
    BitSet dependents = new BitSet(size());
    tasks.stream().forEach(t -> dependents.or(graph.transitiveDependents(t)));
    return dependents;
  }

  /** The stages of one lane, by the order in which their tasks were made. */
  private static final class Lane {
    private List<Integer> previous = List.of();
    private List<Integer> current = new ArrayList<>();
    private int stageSize = 1;

    /** Adds task {@code k} to the lane; returns the tasks of the previous stage it depends on. */
    Set<Integer> add(int k, Random random) {
      if (current.size() == stageSize) {
        previous = current;
        current = new ArrayList<>();
        stageSize = 1 + random.nextInt(8);
      }
      current.add(k);
      Set<Integer> deps = new TreeSet<>();
      int count = previous.isEmpty() ? 0 : 1 + random.nextInt(Math.min(3, previous.size()));
      while (deps.size() < count) {
        deps.add(previous.get(random.nextInt(previous.size())));
      }
      return deps;
    }
  }
}
