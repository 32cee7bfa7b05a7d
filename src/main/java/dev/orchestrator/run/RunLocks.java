package dev.orchestrator.run;

import java.nio.file.Path;

/** The run directory's lock for commands that tidy up after runs: never while one is running. */
public final class RunLocks {

  private RunLocks() {}

  /**
   * Runs {@code action} while holding the lock of an earlier run's directory.
   *
   * @throws dev.orchestrator.UsageException if a process holds it (the run is still going), naming
   *     the holder
   */
  public static void whileLocked(Path runDirectory, Runnable action) {
    RunDirectoryLock lock = RunDirectoryLock.acquire(runDirectory);
    try (lock) {
      action.run();
    }
  }
}
