package dev.orchestrator.agent;

import dev.orchestrator.plan.Task;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The offline executor: writes an implementation scaffold, a test scaffold and a README derived
 * from the task, each marked as simulated output, taking a set time while reporting progress. It
 * calls no model, so its files are a skeleton of the layout, not working code.
 */
public final class SimulatedAgent implements Agent {

  static final String MARK = "SIMULATED OUTPUT: written by the offline simulated executor; no model was called.";

  private final Duration delay;

  /** @param delay how long each task takes, spread over its three steps */
  public SimulatedAgent(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, was " + delay);
    }
    this.delay = delay;
  }

  @Override
  public AgentResult execute(TaskAssignment assignment) throws InterruptedException {
    Task task = assignment.task();
    ScaffoldLayout layout = ScaffoldLayout.of(task);
    TaskWorkspace workspace = assignment.workspace();

    assignment.progress().report("writing " + layout.source(), 0.0);
    workspace.write(layout.source(), layout.language().source(task, MARK));
    pause(1);
    assignment.progress().report("writing " + layout.test(), 1 / 3.0);
    workspace.write(layout.test(), layout.language().test(task, layout, MARK));
    pause(2);
    assignment.progress().report("writing README.md", 2 / 3.0);
    workspace.write("README.md", readme(task, layout));
    pause(3);
    return AgentResult.of("simulated " + task.id() + ": 3 scaffold files");
  }

  // Sleeps until the step's share of the delay has passed; this is the simulated work itself.
  private void pause(int step) throws InterruptedException {
    long share = delay.toMillis() * step / 3 - delay.toMillis() * (step - 1) / 3;
    if (share > 0) {
      Thread.sleep(share);
    }
  }

  private static String readme(Task task, ScaffoldLayout layout) {
    StringBuilder text = new StringBuilder();
    text.append("# ").append(task.name()).append("\n\n> ").append(MARK).append("\n\n");
    text.append(task.description()).append("\n\n## Acceptance criteria\n\n");
    task.acceptanceCriteria().forEach(c -> text.append("- [ ] ").append(c).append('\n'));
    text.append("\n## Files\n\n");
    List.of(layout.source(), layout.test()).forEach(f -> text.append("- `").append(f).append("`\n"));
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
