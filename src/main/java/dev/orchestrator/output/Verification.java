package dev.orchestrator.output;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/**
 * What the verify step found: whether the consolidated project's tests ran and passed, round by
 * round, and the line coverage of the last round. The {@code verification} object of {@code
 * execution_summary.json}.
 *
 * @param reason why the status is what it is, in words; never null
 * @param command the test commands of the last round, as run; null when none ran
 * @param sandbox what confined them: {@code bwrap} or {@code none}; null when none ran, or in a
 *     summary written before the sandbox existed
 * @param rounds one per test run, the first before any repair; empty when no test ran
 * @param testCoverage line coverage of the last round, 0..1; null when not measured
 * @param coverageReason how coverage was measured, or why it was not
 */
public record Verification(
    Status status,
    String reason,
    String command,
    String sandbox,
    List<VerificationRound> rounds,
    Double testCoverage,
    String coverageReason) {

  public Verification {
    requireNonNull(status, "status");
    requireNonNull(reason, "reason");
    rounds = List.copyOf(rounds);
    if (testCoverage != null && (testCoverage < 0 || testCoverage > 1)) {
      throw new IllegalArgumentException("coverage must be within 0..1, was " + testCoverage);
    }
  }

  /** A verification that does not say what confined its commands. */
  public Verification(
      Status status,
      String reason,
      String command,
      List<VerificationRound> rounds,
      Double testCoverage,
      String coverageReason) {
    this(status, reason, command, null, rounds, testCoverage, coverageReason);
  }

  /** A verification whose tests did not run, for the given reason. */
  public static Verification notRun(String reason) {
    return new Verification(Status.NOT_RUN, reason, null, List.of(), null, reason);
  }

  /** The outcome of the verify step. */
  public enum Status {
    /**
     * A test runner ran, its results were read, and no test failed or errored (on a repository,
     * none that had not failed on the commit the run started from).
     */
    PASSED,
    /** The build broke, or some test failed or errored, after the last round. */
    FAILED,
    /** No test ran, or every test was skipped: nothing was verified. */
    NOT_RUN;

    /** The JSON spelling: {@code passed}, {@code failed}, {@code not_run}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The status with this {@link #label()}. */
    public static Status fromLabel(String label) {
      return valueOf(label.toUpperCase(Locale.ROOT));
    }
  }
}
