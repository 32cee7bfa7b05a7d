package dev.orchestrator.verify;

import static java.util.Objects.requireNonNull;

/**
 * One test as its runner reported it.
 *
 * @param name the test's name ({@code tests/test_calc.py::test_add}, {@code
 *     dev.calc.CalcTest.adds})
 * @param file the test's file as the runner gave it, or null when the report does not say
 * @param className the runner's class or module name, or null
 * @param detail the failure message and trace, or the skip reason; empty when it passed
 */
record TestCase(String name, String file, String className, Outcome outcome, String detail) {

  TestCase {
    requireNonNull(name, "name");
    requireNonNull(outcome, "outcome");
    detail = detail == null ? "" : detail;
  }

  /** Ordered from best to worst. */
  enum Outcome {
    PASSED,
    SKIPPED,
    FAILED,
    ERROR
  }
}
