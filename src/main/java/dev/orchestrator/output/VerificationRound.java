package dev.orchestrator.output;

import java.time.Duration;
import java.util.List;

/**
 * One run of the consolidated project's tests, as read from the runners' reports.
 *
 * @param round 1 for the run before any repair, then one more per repair round
 * @param passed tests that passed
 * @param failed tests whose assertions failed
 * @param skipped tests the runner skipped (the simulated scaffolds' tests are)
 * @param errors tests that errored, plus one per test command that broke without reporting a test
 *     (a compile error, a timeout)
 * @param duration how long the test commands took
 * @param failures every failed or errored test, with the tasks that own its files
 */
public record VerificationRound(
    int round,
    int passed,
    int failed,
    int skipped,
    int errors,
    Duration duration,
    List<TestFailure> failures) {

  public VerificationRound {
    failures = List.copyOf(failures);
  }
}
