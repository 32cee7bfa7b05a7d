package dev.orchestrator.cli;

import dev.orchestrator.run.RunEvent;
import dev.orchestrator.run.RunListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** Progress as plain lines, for logs and pipes: {@code [Executor-1] ✓ Completed task_1 (0.4s)}. */
final class PlainProgress implements RunListener {

  private final PrintWriter out;

  PlainProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void on(RunEvent event) {
    String line = line(event);
    if (line != null) {
      out.println(line);
      out.flush();
    }
  }

  /** The line for an event, or null for events that print nothing. */
  static String line(RunEvent event) {
    if (event instanceof RunEvent.RunStarted e) {
      return "Running " + e.tasks() + " tasks on " + e.executors() + " executors";
    }
    if (event instanceof RunEvent.TaskStarted e) {
      return "[Executor-" + e.executor() + "] Starting " + e.taskId() + ": " + e.name();
    }
    if (event instanceof RunEvent.TaskRetrying e) {
      return "[Executor-"
          + e.executor()
          + "] ↻ Retrying "
          + e.taskId()
          + " in "
          + seconds(e.backoff())
          + " (attempt "
          + e.failedAttempt()
          + " failed: "
          + e.error()
          + ")";
    }
    if (event instanceof RunEvent.TaskCompleted e) {
      return "[Executor-"
          + e.executor()
          + "] ✓ Completed "
          + e.taskId()
          + " ("
          + seconds(e.duration())
          + ")";
    }
    if (event instanceof RunEvent.TaskFailed e) {
      return "[Executor-"
          + e.executor()
          + "] ✗ Failed "
          + e.taskId()
          + " ("
          + seconds(e.duration())
          + "): "
          + e.error();
    }
    if (event instanceof RunEvent.TaskSkipped e) {
      return "[Queue] - Skipped " + e.taskId() + ": " + e.reason();
    }
    return null;
  }

  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
  }
}
