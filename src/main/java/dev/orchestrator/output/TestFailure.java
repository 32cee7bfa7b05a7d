package dev.orchestrator.output;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A failed or errored test, or a broken build, and the tasks that own the files involved.
 *
 * @param test the test's name as its runner reports it ({@code tests/test_calc.py::test_add}), or
 *     the command that broke
 * @param ownerTasks the tasks whose files the failure involves; repair rounds send them fix tasks
 */
public record TestFailure(String test, List<String> ownerTasks) {

  public TestFailure {
    requireNonNull(test, "test");
    ownerTasks = List.copyOf(ownerTasks);
  }
}
