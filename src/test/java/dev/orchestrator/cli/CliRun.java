package dev.orchestrator.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the command line in this JVM as a shell would run it: arguments in, exit code and printed
 * text out. The environment is given, never changed: a test names the {@code PATH}, {@code HOME}
 * and keys it means, and the JVM's own stay out of it unless it passes them.
 */
final class CliRun {

  private CliRun() {}

  /** What a command printed, and its exit code. */
  record Result(int exitCode, String out, String err) {}

  /** Runs in this process's environment, standard output not a terminal. */
  static Result run(Object... args) {
    return run(false, System.getenv(), args);
  }

  /** As {@link #run(Object...)}, for arguments made by {@link #args}. */
  static Result run(String... args) {
    return run(false, System.getenv(), (Object[]) args);
  }

  /** Runs in {@code environment}, standard output not a terminal. */
  static Result run(Map<String, String> environment, Object... args) {
    return run(false, environment, args);
  }

  /** As {@link #run(Map, Object...)}, for arguments made by {@link #args}. */
  static Result run(Map<String, String> environment, String... args) {
    return run(false, environment, (Object[]) args);
  }

  /** Runs in {@code environment} with standard output on an interactive terminal. */
  static Result onTerminal(Map<String, String> environment, Object... args) {
    return run(true, environment, args);
  }

  /** The arguments as a shell passes them: each part's text. */
  static String[] args(Object... parts) {
    return Stream.of(parts).map(Object::toString).toArray(String[]::new);
  }

  private static Result run(boolean terminal, Map<String, String> environment, Object... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Cli.execute(
            args(args),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            terminal,
            environment);
    return new Result(code, out.toString(), err.toString());
  }
}
