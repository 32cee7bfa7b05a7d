package dev.orchestrator.agent;

import dev.orchestrator.plan.Task;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The offline executor: writes an implementation scaffold, a test scaffold and a README derived
 * from the task, each marked as simulated output, taking a set time while reporting progress. It
 * calls no model, so its files are a skeleton of the layout, not working code.
 */
public final class SimulatedAgent implements Agent {

  static final String MARK =
      "SIMULATED OUTPUT: written by the offline simulated executor; no model was called.";

  private final Function<Task, Duration> delay;

  /**
   * @param delay how long each task takes, spread over its steps
   */
  public SimulatedAgent(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, was " + delay);
    }
    this.delay = task -> delay;
  }

  private SimulatedAgent(Function<Task, Duration> delay) {
    this.delay = delay;
  }

  /**
   * An agent whose tasks take their estimated duration on a scaled clock, so that a run can be
   * compared with the makespan {@code simulate} predicts at the same scale.
   *
   * @param perEstimatedMinute how long one estimated minute lasts, e.g. 10 ms
   */
  public static SimulatedAgent scaled(Duration perEstimatedMinute) {
    if (perEstimatedMinute.isNegative()) {
      throw new IllegalArgumentException("scale must not be negative, was " + perEstimatedMinute);
    }
    long nanosPerMinute = perEstimatedMinute.toNanos();
    return new SimulatedAgent(
        task -> Duration.ofNanos(task.estimatedDuration().toMillis() * nanosPerMinute / 60_000));
  }

  @Override
  public AgentResult execute(TaskAssignment assignment) throws InterruptedException {
    Task task = assignment.task();
    ScaffoldLayout layout = ScaffoldLayout.of(task);
    TaskWorkspace workspace = assignment.workspace();
    if (SimulatedEdits.inRepository(workspace)) {
      return editRepository(assignment);
    }

    List<ScaffoldLayout.File> files = layout.files();
    int steps = files.size() + 1;
    long start = System.nanoTime();
    long total = delay.apply(task).toNanos();
    for (int i = 0; i < files.size(); i++) {
      ScaffoldLayout.File file = files.get(i);
      assignment.progress().report("writing " + file.path(), (double) i / steps);
      workspace.write(file.path(), content(task, file.kind(), layout));
      pauseUntil(start + total * (i + 1) / steps);
    }
    assignment.progress().report("writing README.md", (double) files.size() / steps);
    workspace.write("README.md", readme(task, files));
    pauseUntil(start + total);
    return AgentResult.of("simulated " + task.id() + ": " + steps + " scaffold files");
  }

  private AgentResult editRepository(TaskAssignment assignment) throws InterruptedException {
    Task task = assignment.task();
    List<String> files = SimulatedEdits.targets(task);
    long start = System.nanoTime();
    long total = delay.apply(task).toNanos();
    for (int i = 0; i < files.size(); i++) {
      assignment.progress().report("editing " + files.get(i), (double) i / files.size());
      SimulatedEdits.edit(assignment.workspace(), task, files.get(i));
      pauseUntil(start + total * (i + 1) / files.size());
    }
    return AgentResult.of("simulated " + task.id() + ": edited " + String.join(", ", files));
  }

  // The simulated work itself. Sleeping until a point in time, not for a share, keeps the
  // scheduler's wake-up lateness from adding up over the steps.
  private static void pauseUntil(long deadlineNanos) throws InterruptedException {
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining > 0) {
      TimeUnit.NANOSECONDS.sleep(remaining);
    }
  }

  private static String content(Task task, ScaffoldLayout.Kind kind, ScaffoldLayout layout) {
    if (kind == ScaffoldLayout.Kind.DOCUMENT) {
      StringBuilder text = new StringBuilder("# " + task.name() + "\n\n> " + MARK + "\n\n");
      text.append(task.description()).append("\n\n");
      task.acceptanceCriteria().forEach(c -> text.append("- ").append(c).append('\n'));
      return text.toString();
    }
    return kind == ScaffoldLayout.Kind.TEST
        ? layout.language().test(task, MARK)
        : layout.language().source(task, MARK);
  }

  private static String readme(Task task, List<ScaffoldLayout.File> files) {
    StringBuilder text = new StringBuilder();
    text.append("# ").append(task.name()).append("\n\n> ").append(MARK).append("\n\n");
    text.append(task.description()).append("\n\n## Acceptance criteria\n\n");
    task.acceptanceCriteria().forEach(c -> text.append("- [ ] ").append(c).append('\n'));
    text.append("\n## Files\n\n");
    files.forEach(f -> text.append("- `").append(f.path()).append("`\n"));
    text.append("\nEstimated effort: ")
        .append(task.estimatedEffort().label())
        .append(", priority ")
        .append(task.priority())
        .append(".\n");
    return text.toString();
  }

  /** Lower-case identifier made of the words of a name: {@code "Cart API" -> "cart_api"}. */
  static String identifier(String name) {
    String id =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (id.isEmpty()) {
      return "task";
    }
    return Character.isDigit(id.charAt(0)) ? "t_" + id : id;
  }
}
