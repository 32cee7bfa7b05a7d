package dev.orchestrator.cli;

import dev.orchestrator.run.RunEvent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Ctrl-C (SIGINT) and SIGTERM: the first stops dispatching and cancels running agents so the run
 * ends cleanly, journalled and resumable; a second exits at once with code 130.
 *
 * <p>Every phase ends promptly: before a run has an orchestrator to cancel (reading a plan,
 * checking it), the first signal exits at once; in any other phase (planning, dispatching, writing
 * the results) the process exits with 130 at the latest {@link #GRACE} after the first signal
 * (longer for a run on remote workers, see {@link #onFirst(Runnable, Duration)}), however long the
 * phase would take. The journal is forced to disk record by record, so whatever is cut short is
 * redone by {@code resume}.
 */
final class Interruption {

  /** How long a cancelled run may take to write what is done before the process exits anyway. */
  static final Duration GRACE = Duration.ofSeconds(5);

  private final PrintWriter err;
  private final IntConsumer halt;
  private final Duration grace;
  private final AtomicInteger signals = new AtomicInteger();
  private volatile Runnable onFirst;
  private volatile Duration extraGrace = Duration.ZERO;
  private volatile boolean planning;
  private volatile Path runDirectory;

  Interruption(PrintWriter err) {
    this(err, code -> Runtime.getRuntime().halt(code), GRACE);
  }

  /**
   * @param halt ends the process with an exit code (a test passes a recorder)
   * @param grace see {@link #GRACE}
   */
  Interruption(PrintWriter err, IntConsumer halt, Duration grace) {
    this.err = err;
    this.halt = halt;
    this.grace = grace;
  }

  /** Routes the process's SIGINT and SIGTERM here. */
  void install() {
    OsSignals.handle("INT", this::interrupt);
    OsSignals.handle("TERM", this::interrupt);
  }

  /** What the first interruption does while a run is in progress. */
  void onFirst(Runnable action) {
    onFirst(action, Duration.ZERO);
  }

  /**
   * What the first interruption does while a run is in progress, when cancelling it takes longer
   * than a local run does.
   *
   * @param extraGrace added to the grace: a run on remote workers learns of the cancellation only
   *     at their next heartbeat
   */
  void onFirst(Runnable action, Duration extraGrace) {
    this.extraGrace = extraGrace;
    this.onFirst = action;
    if (signals.get() > 0) {
      action.run();
    }
  }

  /** Whether a plan is being made: an interruption then leaves nothing to resume. */
  void planning(boolean planning) {
    this.planning = planning;
  }

  /** Hears the run's events: its start names the directory that {@code resume} finishes. */
  void onEvent(RunEvent event) {
    if (event instanceof RunEvent.RunStarted e) {
      runDirectory = e.outputDirectory();
    }
  }

  /** Whether an interruption arrived. */
  boolean interrupted() {
    return signals.get() > 0;
  }

  // Relative to the working directory when inside it, as the user typed it.
  private static Path shown(Path dir) {
    Path here = Path.of("").toAbsolutePath();
    Path absolute = dir.toAbsolutePath().normalize();
    return absolute.startsWith(here) && !absolute.equals(here) ? here.relativize(absolute) : dir;
  }

  void interrupt() {
    if (signals.incrementAndGet() > 1) {
      halt.accept(Cli.INTERRUPTED);
      return;
    }
    err.println();
    Runnable action = onFirst;
    if (action == null) {
      err.println("Interrupted before anything was run.");
      err.flush();
      halt.accept(Cli.INTERRUPTED);
      return;
    }
    Path dir = runDirectory;
    if (planning) {
      // No plan, no journal: resume would find nothing to finish.
      err.println(
          "Interrupted while planning: no task was run, so there is nothing to resume; run the"
              + " command again to start over.");
    } else {
      err.println(
          "Interrupted: cancelling running tasks and writing what is done; Ctrl-C again exits at"
              + " once."
              + (dir == null ? "" : " Finish later with: orchestrator resume " + shown(dir)));
    }
    err.flush();
    // The deadline: a phase that does not look at the cancellation (planning, checking the
    // plan, writing the results of a large run) must not keep the process alive.
    CompletableFuture.delayedExecutor(grace.plus(extraGrace).toMillis(), TimeUnit.MILLISECONDS)
        .execute(() -> halt.accept(Cli.INTERRUPTED));
    action.run();
  }
}
