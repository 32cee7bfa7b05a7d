package dev.orchestrator.cli;

import dev.orchestrator.run.RunEvent;
import dev.orchestrator.run.RunListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** Progress as plain lines, for logs and pipes: {@code [Executor-1] ✓ Completed task_1 (0.4s)}. */
final class PlainProgress implements RunListener {

  private final PrintWriter out;
  private final Terminal terminal;

  PlainProgress(PrintWriter out, Terminal terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public void on(RunEvent event) {
    String line = line(event, terminal);
    if (line != null) {
      out.println(line);
      out.flush();
    }
  }

  /** The line for an event, or null for events that print nothing. */
  static String line(RunEvent event, Terminal terminal) {
    if (event instanceof RunEvent.RunStarted e) {
      int remaining = e.tasks() - e.completedBefore();
      return "Running "
          + (e.completedBefore() == 0
              ? Terminal.count(e.tasks(), "task")
              : remaining
                  + " of "
                  + e.tasks()
                  + " tasks ("
                  + e.completedBefore()
                  + " done earlier)")
          + " on "
          + Terminal.count(e.executors(), "executor");
    }
    if (event instanceof RunEvent.RepairRoundStarted e) {
      return terminal.paint("bold", "Repair round " + e.round() + ":")
          + " "
          + Terminal.count(e.fixTasks().size(), "fix task")
          + " ("
          + String.join(", ", e.fixTasks())
          + ") on "
          + Terminal.count(Math.min(e.executors(), e.fixTasks().size()), "executor");
    }
    if (event instanceof RunEvent.TaskStarted e) {
      return executor(e.executor()) + " Starting " + e.taskId() + ": " + e.name();
    }
    if (event instanceof RunEvent.TaskRetrying e) {
      return status(
          terminal,
          executor(e.executor()),
          "fg(yellow)",
          "↻ Retrying",
          e.taskId(),
          " in "
              + seconds(e.backoff())
              + " (attempt "
              + e.failedAttempt()
              + " failed: "
              + e.error()
              + ")");
    }
    if (event instanceof RunEvent.TaskCompleted e) {
      return status(
          terminal,
          executor(e.executor()),
          "fg(green)",
          "✓ Completed",
          e.taskId(),
          " ("
              + seconds(e.duration())
              + ")"
              + (e.refused() == null
                  ? ""
                  : terminal.paint("fg(yellow)", " but was refused: " + e.refused())));
    }
    if (event instanceof RunEvent.TaskFailed e) {
      return status(
          terminal,
          executor(e.executor()),
          "bold,fg(red)",
          "✗ Failed",
          e.taskId(),
          " (" + seconds(e.duration()) + "): " + e.error());
    }
    if (event instanceof RunEvent.TaskSkipped e) {
      return status(terminal, "[Queue]", "fg(yellow)", "- Skipped", e.taskId(), ": " + e.reason());
    }
    if (event instanceof RunEvent.StepStarted e) {
      return terminal.paint("faint", e.description() + "…");
    }
    return null;
  }

  /** {@code [Executor-1] ✓ Completed task_1 (0.4s)}: who, the status word in its colour, what. */
  private static String status(
      Terminal terminal, String who, String style, String word, String taskId, String detail) {
    return who + " " + terminal.paint(style, word) + " " + taskId + detail;
  }

  private static String executor(int number) {
    return "[Executor-" + number + "]";
  }

  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
  }
}
