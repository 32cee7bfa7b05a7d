package dev.orchestrator.output.report;

import static dev.orchestrator.output.report.Html.escape;

import dev.orchestrator.output.report.RepositoryFacts.Tests;
import java.util.List;

/**
 * The report's section on the user's repository: where the run's work is (the branch, from which
 * base commit to which head), the repository's tests before and after, the command that takes the
 * work, and the user's uncommitted changes the run left out.
 */
final class RepositorySection {

  /** Failing tests named per list; the rest are counted. */
  static final int NAMED_TESTS = 20;

  private static final int SHORT_COMMIT = 12;

  private RepositorySection() {}

  /** The section; empty when the summary has no {@code repository} object. */
  static String render(RepositoryFacts facts) {
    if (facts == null) {
      return "";
    }
    StringBuilder html = new StringBuilder("<section id=\"repository\">\n<h2>Repository</h2>\n");
    html.append("<dl class=\"facts\">\n");
    fact(html, "Repository", code(facts.path()));
    fact(html, "Branch", code(facts.branch()));
    fact(html, "Base commit", code(abbreviated(facts.baseCommit())));
    fact(html, "Head commit", code(abbreviated(facts.headCommit())));
    fact(html, "Tests before the run", tests(facts.testsBefore(), "failing at the base", null));
    fact(
        html,
        "Tests on the branch",
        tests(facts.testsAfter(), "failing on the branch", facts.broken()));
    html.append("</dl>\n");
    if (facts.path() != null && facts.branch() != null) {
      html.append("<p>Take it with: <code class=\"command\">git -C ")
          .append(escape(facts.path()))
          .append(" merge ")
          .append(escape(facts.branch()))
          .append("</code></p>\n");
    }
    if (facts.uncommittedIncluded()) {
      html.append("<p class=\"note\">Your uncommitted changes were taken into the base commit")
          .append(" (--include-uncommitted).</p>\n");
    } else if (!facts.uncommittedLeftOut().isEmpty()) {
      html.append("<p class=\"note\">Your uncommitted changes, left out of the run:</p>\n")
          .append("<ul class=\"uncommitted\">");
      facts.uncommittedLeftOut().forEach(c -> html.append("<li>").append(code(c)).append("</li>"));
      html.append("</ul>\n");
    }
    return html.append("</section>\n").toString();
  }

  private static void fact(StringBuilder html, String term, String definition) {
    html.append("<dt>").append(term).append("</dt><dd>").append(definition).append("</dd>\n");
  }

  private static String code(String text) {
    return text == null
        ? "<span class=\"not-measured\">not recorded</span>"
        : "<code>" + escape(text) + "</code>";
  }

  // The tests' outcome line, their command, the failing tests, and which of them the run broke.
  private static String tests(Tests tests, String failingLabel, List<String> broken) {
    if (tests == null) {
      return "<span class=\"not-measured\">not run</span>";
    }
    StringBuilder html = new StringBuilder();
    if (tests.passed() != null
        && tests.failed() != null
        && tests.errors() != null
        && tests.skipped() != null) {
      html.append(tests.passed())
          .append(" passed, ")
          .append(tests.failed())
          .append(" failed, ")
          .append(tests.errors())
          .append(" errors, ")
          .append(tests.skipped())
          .append(" skipped");
    } else {
      html.append(escape(tests.status())).append(" (").append(escape(tests.reason())).append(")");
    }
    if (tests.command() != null) {
      html.append("<small>").append(code(tests.command())).append("</small>");
    }
    if (broken != null && !broken.isEmpty()) {
      html.append("<small class=\"broken\">failing only on the branch: ")
          .append(names(broken))
          .append("</small>");
    }
    if (!tests.failing().isEmpty()) {
      html.append("<small>").append(failingLabel).append(": ").append(names(tests.failing()));
      html.append("</small>");
    }
    return html.toString();
  }

  private static String names(List<String> tests) {
    String named = escape(String.join(", ", tests.subList(0, Math.min(NAMED_TESTS, tests.size()))));
    return tests.size() <= NAMED_TESTS
        ? named
        : named + " and " + (tests.size() - NAMED_TESTS) + " more";
  }

  static String abbreviated(String commit) {
    return commit == null ? null : commit.substring(0, Math.min(SHORT_COMMIT, commit.length()));
  }
}
