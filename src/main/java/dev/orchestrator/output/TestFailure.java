package dev.orchestrator.output;

import static java.util.Objects.requireNonNull;

import java.util.List;
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

  public TestFailure {
    requireNonNull(test, "test");
    ownerTasks = List.copyOf(ownerTasks);
    excerpt = excerpt == null ? "" : excerpt;
  }

  /** A failure without an excerpt. */
  public TestFailure(String test, List<String> ownerTasks) {
    this(test, ownerTasks, "");
  }

  /** The first {@value #EXCERPT_LINES} non-blank lines of a failure's output, each cut short. */
  public static String excerptOf(String output) {
    return output
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .limit(EXCERPT_LINES)
        .map(
            line ->
                line.length() <= EXCERPT_WIDTH ? line : line.substring(0, EXCERPT_WIDTH - 1) + "…")
        .collect(Collectors.joining("\n"));
  }
}
