package dev.orchestrator.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C (SIGINT) and SIGTERM: the first stops dispatching and cancels running agents so the run
 * ends cleanly, journalled and resumable; a second exits at once with code 130.
 */
final class Interruption {

  private final PrintWriter err;
  private final AtomicInteger signals = new AtomicInteger();
  private volatile Runnable onFirst = () -> {};

  Interruption(PrintWriter err) {
    this.err = err;
  }

  /** Routes the process's SIGINT and SIGTERM here. */
  void install() {
    OsSignals.handle("INT", this::interrupt);
    OsSignals.handle("TERM", this::interrupt);
  }

  /** What the first interruption does while a run is in progress. */
  void onFirst(Runnable action) {
    this.onFirst = action;
    if (signals.get() > 0) {
      action.run();
    }
  }

  /** Whether an interruption arrived. */
  boolean interrupted() {
    return signals.get() > 0;
  }

  void interrupt() {
    if (signals.incrementAndGet() == 1) {
      err.println();
      err.println(
          "Interrupted: cancelling running tasks and writing what is done; Ctrl-C again exits at"
              + " once. Finish later with: orchestrator resume <output-dir>");
      err.flush();
      onFirst.run();
    } else {
      Runtime.getRuntime().halt(Cli.INTERRUPTED);
    }
  }
}
