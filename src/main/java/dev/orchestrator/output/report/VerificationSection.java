package dev.orchestrator.output.report;

import static dev.orchestrator.output.report.Html.escape;

import dev.orchestrator.output.TestFailure;
import dev.orchestrator.output.Verification;
import dev.orchestrator.output.VerificationRound;
import java.util.Locale;

/**
 * The report's section on the verify step: the verdict, one row per round (passed, failed, skipped,
 * errors), the failures of each round with the tasks they went back to, and the coverage or why it
 * was not measured.
 */
final class VerificationSection {

  private VerificationSection() {}

  /** The section; empty when the run had no verify step. */
  static String render(Verification verification) {
    if (verification == null) {
      return "";
    }
    StringBuilder html =
        new StringBuilder("<section id=\"verification\">\n<h2>Verification</h2>\n");
    html.append("<p><strong>")
        .append(escape(Figures.outcome(verification.status().label())))
        .append("</strong>: ")
        .append(escape(verification.reason()))
        .append("</p>\n");
    if (verification.command() != null) {
      html.append("<p class=\"note\">Command: <code>")
          .append(escape(verification.command()))
          .append("</code>")
          .append(
              verification.sandbox() == null
                  ? ""
                  : " (Sandbox: " + escape(verification.sandbox()) + ")")
          .append("</p>\n");
    }
    if (!verification.rounds().isEmpty()) {
      html.append(
          "<table>\n<thead><tr><th>Round</th><th>Passed</th><th>Failed</th><th>Skipped</th>"
              + "<th>Errors</th><th>Time</th><th>Failures (owner tasks)</th></tr></thead>\n"
              + "<tbody>\n");
      for (VerificationRound round : verification.rounds()) {
        html.append(
            String.format(
                Locale.ROOT,
                "<tr><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%.1fs</td><td>",
                round.round(),
                round.passed(),
                round.failed(),
                round.skipped(),
                round.errors(),
                round.duration().toMillis() / 1000.0));
        for (TestFailure failure : round.failures()) {
          html.append("<div>")
              .append(escape(failure.test()))
              .append(
                  failure.ownerTasks().isEmpty()
                      ? " (no owner)"
                      : " (" + escape(String.join(", ", failure.ownerTasks())) + ")")
              .append("</div>");
        }
        html.append("</td></tr>\n");
      }
      html.append("</tbody>\n</table>\n");
    }
    html.append("<p>Test coverage: ")
        .append(
            verification.testCoverage() == null
                ? Figures.NOT_MEASURED
                : Figures.percent(verification.testCoverage()))
        .append(
            verification.coverageReason() == null
                ? ""
                : " <span class=\"note\">(" + escape(verification.coverageReason()) + ")</span>")
        .append("</p>\n</section>\n");
    return html.toString();
  }
}
