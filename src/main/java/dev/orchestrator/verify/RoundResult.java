package dev.orchestrator.verify;

import dev.orchestrator.output.Verification;
import dev.orchestrator.output.VerificationRound;
import java.util.List;

/**
 * One round of the verify step, with what a repair needs beyond the summary's figures.
 *
 * @param round the figures; null when no test command ran
 * @param failures every failed or errored test with its files, owners and output
 * @param coverage line coverage, or null
 * @param coverageReason how coverage was measured, or why not
 */
record RoundResult(
    Verification.Status status,
    String reason,
    String command,
    VerificationRound round,
    List<FailureDetail> failures,
    CoverageReports.Lines coverage,
    String coverageReason) {

  RoundResult {
    failures = List.copyOf(failures);
  }

  /**
   * A failed or errored test, or a broken test command.
   *
   * @param files the project files it involves, its test file first
   * @param owners the tasks owning those files, in plan order
   * @param output its message, trace or the end of the command's output
   */
  record FailureDetail(String test, List<String> files, List<String> owners, String output) {

    FailureDetail {
      files = List.copyOf(files);
      owners = List.copyOf(owners);
    }
  }
}
