package dev.orchestrator.cli;

import dev.orchestrator.run.RunEvent;
import dev.orchestrator.run.RunListener;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

/**
 * Progress for a terminal: finished tasks scroll by as plain lines, and below them a block redrawn
 * in place shows one line per executor and the overall progress. A repair round starts a new block
 * for its fix tasks. Every line of the block is cut to the terminal's width: a line the terminal
 * wrapped would take two rows, and moving up one row per line would then leave copies behind.
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
      done = e.completedBefore();
      idle(e.executors(), e.tasks());
    } else if (event instanceof RunEvent.RepairRoundStarted e) {
      total = e.fixTasks().size();
      done = 0;
      idle(e.executors(), total);
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

  private void idle(int executorCount, int tasks) {
    executors.clear();
    for (int k = 1; k <= Math.min(executorCount, tasks); k++) {
      executors.put(k, "idle");
    }
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
      int columns = terminal.width() - 1; // the last column would make some terminals wrap
      for (Map.Entry<Integer, String> executor : executors.entrySet()) {
        out.println(clip("  Executor-" + executor.getKey() + "  " + executor.getValue(), columns));
        drawnLines++;
      }
      String count = " " + Math.min(done, total) + "/" + Terminal.count(total, "task");
      int bar = Math.max(0, Math.min(BAR, columns - 4 - count.length()));
      int filled = total == 0 ? bar : Math.min(done, total) * bar / total;
      out.println(
          "  ["
              + terminal.paint("fg(green)", "#".repeat(filled))
              + ".".repeat(bar - filled)
              + "]"
              + clip(count, Math.max(0, columns - 4 - bar)));
      drawnLines++;
    }
    out.flush();
  }

  /** The text in at most {@code columns} characters, cut with an ellipsis. */
  static String clip(String text, int columns) {
    if (text.codePointCount(0, text.length()) <= columns) {
      return text;
    }
    if (columns < 1) {
      return "";
    }
    int end = text.offsetByCodePoints(0, columns - 1);
    return text.substring(0, end) + "…";
  }
}
