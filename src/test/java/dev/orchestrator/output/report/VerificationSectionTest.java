package dev.orchestrator.output.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.output.TestFailure;
import dev.orchestrator.output.Verification;
import dev.orchestrator.output.VerificationRound;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VerificationSectionTest {

  @Test
  @DisplayName("shows the verdict, each round with its failures and owners, and the coverage")
  void rounds_failures_and_coverage() {
    Verification verification =
        new Verification(
            Verification.Status.PASSED,
            "every test passed (after 1 repair round)",
            "node --test",
            List.of(
                new VerificationRound(
                    1,
                    1,
                    1,
                    0,
                    0,
                    Duration.ofMillis(700),
                    List.of(new TestFailure("test.adds <a>", List.of("task_1", "task_2")))),
                new VerificationRound(2, 2, 0, 0, 0, Duration.ofMillis(500), List.of())),
            0.8,
            "measured by node");

    String html = VerificationSection.render(verification);

    assertThat(html)
        .contains("<strong>passed</strong>", "after 1 repair round", "<code>node --test</code>")
        .contains("<td>1</td><td>1</td><td>1</td><td>0</td><td>0</td><td>0.7s</td>")
        .contains("test.adds &lt;a&gt; (task_1, task_2)")
        .contains("Test coverage: 80.0%", "measured by node");
  }

  @Test
  @DisplayName("says why nothing was verified, and renders nothing for a run without the step")
  void not_run() {
    assertThat(VerificationSection.render(Verification.notRun("not run: --no-verify")))
        .contains("not run", "--no-verify", "Test coverage: not measured")
        .doesNotContain("<table>");
    assertThat(VerificationSection.render(null)).isEmpty();
  }
}
