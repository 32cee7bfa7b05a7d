package dev.orchestrator.verify;

import dev.orchestrator.ConfigurationException;
import dev.orchestrator.Interrupter;
import dev.orchestrator.Secrets;
import dev.orchestrator.process.AgentProcess;
import dev.orchestrator.process.LogTail;
import dev.orchestrator.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one test command as a child process with a time limit, through {@link AgentProcess}: its
 * whole process tree ends on the time limit or an interrupt (Ctrl-C), and its standard output and
 * error go to log files, however much they print.
 */
final class TestProcess {

  private static final int TAIL_BYTES = 6000;

  private TestProcess() {}

  /**
   * How a command ended.
   *
   * @param status its exit status; -1 when it timed out or could not start
   * @param timedOut whether the time limit ended it
   * @param problem why it could not start, or null
   */
  record Exit(int status, boolean timedOut, Path stdout, Path stderr, String problem) {

    boolean succeeded() {
      return status == 0 && !timedOut && problem == null;
    }

    /** The end of its standard output and error, for people and fix prompts. */
    String tail() {
      StringBuilder text = new StringBuilder();
      if (problem != null) {
        text.append(problem).append('\n');
      }
      text.append(TestProcess.tail(stdout));
      String err = TestProcess.tail(stderr);
      if (!err.isBlank()) {
        text.append("\n--- standard error ---\n").append(err);
      }
      return text.toString().strip();
    }
  }

  /**
   * Runs the command to its end or its time limit.
   *
   * @param command the program, looked up on the environment's {@code PATH}, and its arguments
   * @param logs the stem of the log files: {@code <logs>.stdout.log}, {@code <logs>.stderr.log}
   * @param secrets masked in the log files
   * @param sandbox what confines the command; {@code directory} is writable in it
   * @throws InterruptedException if the calling thread is interrupted (not by the time limit); the
   *     process tree has then been ended
   */
  static Exit run(
      List<String> command,
      Path directory,
      Map<String, String> environment,
      Path logs,
      Duration timeLimit,
      Secrets secrets,
      Sandbox sandbox)
      throws InterruptedException {
    Path stdout = logs.resolveSibling(logs.getFileName() + ".stdout.log");
    Path stderr = logs.resolveSibling(logs.getFileName() + ".stderr.log");
    List<String> argv = new ArrayList<>(command);
    try {
      String program = argv.get(0);
      argv.set(
          0,
          program.startsWith("./")
              ? directory.resolve(program).toString()
              : AgentProcess.locate(program, environment, "install it, or pass --verify-command")
                  .toString());
    } catch (ConfigurationException e) {
      return new Exit(-1, false, stdout, stderr, e.getMessage());
    }
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      return new Exit(-1, true, stdout, stderr, "no time was left to run it");
    }
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "verify-time-limit");
              thread.setDaemon(true);
              return thread;
            });
    Interrupter alarmed = new Interrupter();
    ScheduledFuture<?> alarm =
        timer.schedule(alarmed::interrupt, timeLimit.toMillis(), TimeUnit.MILLISECONDS);
    try {
      AgentProcess.Exit exit =
          AgentProcess.run(
              new AgentProcess.Launch(
                  argv, directory, environment, null, stdout, stderr, secrets, sandbox),
              line -> {});
      return new Exit(exit.status(), false, stdout, stderr, null);
    } catch (InterruptedException e) {
      if (!alarmed.hasInterrupted()) {
        throw e;
      }
      return new Exit(-1, true, stdout, stderr, null);
    } catch (IOException e) {
      return new Exit(-1, false, stdout, stderr, "cannot start: " + e.getMessage());
    } finally {
      alarm.cancel(false);
      timer.shutdownNow();
      alarmed.withdraw(); // clears our alarm's interrupt, and stops a late one reaching the caller
    }
  }

  /** The last few kilobytes of a log, without reading the rest of it. */
  static String tail(Path file) {
    LogTail tail = LogTail.read(file, TAIL_BYTES);
    return tail.skippedBytes() > 0
        ? "[… " + tail.skippedBytes() + " bytes before]\n" + tail.text()
        : tail.text();
  }
}
