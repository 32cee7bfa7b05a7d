package dev.orchestrator.verify;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How one part of the project is tested: the commands, where their results and coverage are read. A
 * project may have several (a Python back end and a JavaScript front end).
 *
 * @param runner what runs the tests, for people: {@code pytest}, {@code node --test}, {@code mvn
 *     test}
 * @param setup commands run first, in order (installing the declared dependencies)
 * @param command the test command; its program is looked up on the environment's {@code PATH}
 * @param after commands run after the tests whatever their outcome (writing a coverage report)
 * @param environment variables added to the environment of every command
 * @param results where the results are read
 * @param coverage the kind of coverage report, or null when none is written
 * @param coverageReport the coverage report, or null
 * @param coverageNote how coverage is measured, or why it is not
 */
record TestSuite(
    String runner,
    List<List<String>> setup,
    List<String> command,
    List<List<String>> after,
    Map<String, String> environment,
    Results results,
    CoverageReports.Coverage coverage,
    Path coverageReport,
    String coverageNote) {

  TestSuite {
    requireNonNull(runner, "runner");
    setup = setup.stream().map(List::copyOf).toList();
    command = List.copyOf(command);
    after = after.stream().map(List::copyOf).toList();
    environment = Map.copyOf(environment);
    requireNonNull(results, "results");
    requireNonNull(coverageNote, "coverageNote");
  }

  /**
   * Where a suite's results are read.
   *
   * @param root the directory searched for JUnit XML reports; unused for the event streams
   * @param glob which files under the root are reports, matched against their path relative to it
   */
  record Results(Format format, Path root, String glob) {

    static Results junit(Path root, String glob) {
      return new Results(Format.JUNIT_XML, root, glob);
    }

    static Results stdout(Format format) {
      return new Results(format, null, null);
    }
  }

  /** The machine formats of test results. */
  enum Format {
    /** JUnit XML files, written anew by this run (older files are stale copies). */
    JUNIT_XML,
    /** {@code go test -json} on standard output. */
    GO_JSON,
    /** Rust's libtest JSON on standard output. */
    LIBTEST_JSON
  }
}
