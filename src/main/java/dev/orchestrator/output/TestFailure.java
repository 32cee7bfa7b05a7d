package dev.orchestrator.output;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A failed or errored test, or a broken build, and the tasks that own the files involved.
 *
 * @param test the test's name as its runner reports it ({@code tests/test_calc.py::test_add}), or
 *     the command that broke
 * @param ownerTasks the tasks whose files the failure involves; repair rounds send them fix tasks
 * @param excerpt the first lines of its message or output, for people to see what broke; empty when
 *     there is none
 */
public record TestFailure(String test, List<String> ownerTasks, String excerpt) {

  /** Lines of a failure's output an excerpt keeps. */
  public static final int EXCERPT_LINES = 3;

  private static final int EXCERPT_WIDTH = 160;

  // Colour and cursor codes of a terminal, which some build tools write even to a pipe.
  private static final Pattern TERMINAL_CODE = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");

  // How compilers and build tools mark the lines that say what broke: Maven's [ERROR], javac's and
  // gcc's "file:1: error:", cargo's error[E0425], tsc's "error TS2304", npm's "npm ERR!".
  private static final Pattern ERROR_LINE =
      Pattern.compile("(?i)^(\\[error]|error\\b|npm err!)|:\\d+(:\\d+)?: error\\b");

  public TestFailure {
    requireNonNull(test, "test");
    ownerTasks = List.copyOf(ownerTasks);
    excerpt = excerpt == null ? "" : excerpt;
  }

  /** A failure without an excerpt. */
  public TestFailure(String test, List<String> ownerTasks) {
    this(test, ownerTasks, "");
  }

  /**
   * The first {@value #EXCERPT_LINES} non-blank lines of a failure's output that say what broke,
   * each cut short: those a compiler or build tool marks as errors when there are some (a build
   * that failed before any test ran opens with lines of progress), else the first lines.
   */
  public static String excerptOf(String output) {
    List<String> lines =
        TERMINAL_CODE
            .matcher(output)
            .replaceAll("")
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty())
            .toList();
    List<String> errors = lines.stream().filter(ERROR_LINE.asPredicate()).toList();
    return (errors.isEmpty() ? lines : errors)
        .stream()
            .limit(EXCERPT_LINES)
            .map(
                line ->
                    line.length() <= EXCERPT_WIDTH
                        ? line
                        : line.substring(0, EXCERPT_WIDTH - 1) + "…")
            .collect(Collectors.joining("\n"));
  }
}
