package dev.orchestrator.cli;

import dev.orchestrator.run.RunEvent;
import dev.orchestrator.run.RunListener;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

/**
 * Progress for a terminal: finished tasks scroll by as plain lines, and below them a block redrawn
 * in place shows one line per executor and the overall progress.
 */
final class LiveProgress implements RunListener {

  private static final String UP_AND_CLEAR = "\u001b[%dA\u001b[J";
  private static final int BAR = 30;

  private final PrintWriter out;
  private final Terminal terminal;
  private final Map<Integer, String> executors = new TreeMap<>();
  private int total;
  private int done;
  private int drawnLines;
  private boolean started; // no block before the run starts: planning has no executors yet

  LiveProgress(PrintWriter out, Terminal terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public void on(RunEvent event) {
    if (event instanceof RunEvent.RunStarted e) {
      started = true;
      total = e.tasks();
      for (int k = 1; k <= Math.min(e.executors(), e.tasks()); k++) {
        executors.put(k, "idle");
      }
    } else if (event instanceof RunEvent.TaskStarted e) {
      executors.put(e.executor(), e.taskId() + ": " + e.name());
    } else if (event instanceof RunEvent.TaskProgress e) {
      String percent = e.fraction() >= 0 ? Math.round(e.fraction() * 100) + "% " : "";
      executors.put(e.executor(), e.taskId() + ": " + percent + e.message());
    } else if (event instanceof RunEvent.TaskCompleted e) {
      executors.put(e.executor(), "idle");
      done++;
    } else if (event instanceof RunEvent.TaskFailed e) {
      executors.put(e.executor(), "idle");
      done++;
    } else if (event instanceof RunEvent.TaskSkipped) {
      done++;
    }
    redraw(event, PlainProgress.line(event, terminal), event instanceof RunEvent.RunFinished);
  }

  private void redraw(RunEvent event, String permanentLine, boolean last) {
    if (drawnLines > 0) {
      out.printf(UP_AND_CLEAR, drawnLines);
    }
    if (permanentLine != null && !(event instanceof RunEvent.TaskStarted)) {
      out.println(permanentLine);
    }
    drawnLines = 0;
    if (!last && started) {
      for (Map.Entry<Integer, String> executor : executors.entrySet()) {
        out.printf("  Executor-%d  %s%n", executor.getKey(), clip(executor.getValue()));
        drawnLines++;
      }
      int filled = total == 0 ? BAR : done * BAR / total;
      out.printf(
          "  [%s%s] %d/%s%n",
          terminal.paint("fg(green)", "#".repeat(filled)),
          ".".repeat(BAR - filled),
          done,
          Terminal.count(total, "task"));
      drawnLines++;
    }
    out.flush();
  }

  private static String clip(String text) {
    return text.length() > 90 ? text.substring(0, 87) + "..." : text;
  }
}
