package dev.orchestrator.cli;

import dev.orchestrator.UsageException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the command tree and maps outcomes and errors to exit codes, in one place. */
public final class Cli {

  /** Every task completed. */
  public static final int OK = 0;
  /** The run finished but some task failed, was skipped or was not started. */
  public static final int TASKS_FAILED = 1;
  /** Bad usage or bad input: invalid option, unreadable or invalid plan, missing configuration. */
  public static final int USAGE = 2;
  /** Interrupted (Ctrl-C). */
  public static final int INTERRUPTED = 130;

  private Cli() {}

  /**
   * Runs the command line.
   *
   * @param terminal whether standard output is an interactive terminal (live progress display)
   * @return the exit code
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err, boolean terminal) {
    return execute(args, out, err, terminal, new Interruption(err));
  }

  static int execute(
      String[] args, PrintWriter out, PrintWriter err, boolean terminal, Interruption interruption) {
    CommandLine cli = new CommandLine(new OrchestratorCommand(out, terminal, interruption));
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof InterruptedException) {
            err.println("interrupted");
            return INTERRUPTED;
          }
          if (e instanceof UsageException) {
            err.println("error: " + e.getMessage());
            return USAGE;
          }
          if (e instanceof dev.orchestrator.OrchestratorException) {
            err.println("error: " + e.getMessage());
            return TASKS_FAILED;
          }
          throw e;
        });
    cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : 1);
    return cli.execute(args);
  }
}
