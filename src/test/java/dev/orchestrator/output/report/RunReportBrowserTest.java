package dev.orchestrator.output.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orchestrator.output.SummaryJson;
import dev.orchestrator.plan.PlanJson;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a browser shows it: Chromium in headless mode loads the page from a file, with no
 * network, and the test reads back the DOM it built and the pixels it painted. Skipped, saying so,
 * where Chromium is not installed ({@code apt-get install chromium}).
 */
@Timeout(180)
class RunReportBrowserTest {

  static final Duration BROWSER_TIMEOUT = Duration.ofSeconds(60);
  static final String HOSTILE_NAME = "<script>alert(1)</script>";
  static final String HOSTILE_REQUIREMENT = "Build a todo app \"><img src=x onerror=alert(2)>";

  static final String MISSING =
      "chromium is not on the PATH nor at "
          + HeadlessChromium.DEBIAN
          + ": the report browser test is skipped (apt-get install chromium to run it)";

  static Optional<Path> chromium;

  @TempDir Path temp;
  Path page;
  HeadlessChromium browser;

  @BeforeAll
  static void findChromium() {
    chromium = HeadlessChromium.find();
    if (chromium.isEmpty()) {
      System.err.println("SKIPPED " + RunReportBrowserTest.class.getSimpleName() + ": " + MISSING);
    }
  }

  @BeforeEach
  void renderSampleRun() {
    assumeTrue(chromium.isPresent(), MISSING);
    ReportFixture run =
        new ReportFixture()
            .requirements(HOSTILE_REQUIREMENT)
            .executors(3)
            .wallSeconds(12)
            .task("task_1")
            .named("Data model")
            .ranOn(1, 0, 3)
            .completed()
            .task("task_2")
            .named("REST API")
            .dependsOn("task_1")
            .failedAttempt(2, 3, 5, "timed out")
            .ranOn(1, 5, 9)
            .completed()
            .task("task_3")
            .named(HOSTILE_NAME)
            .dependsOn("task_1")
            .ranOn(2, 6, 8)
            .failed("exit 3")
            .task("task_4")
            .named("Frontend")
            .dependsOn("task_1")
            .ranOn(3, 3, 7)
            .completed()
            .task("task_5")
            .named("Integration tests")
            .dependsOn("task_2", "task_3", "task_4")
            .skipped("task_3 failed");
    page = RunReport.write(temp, ReportModel.fromRun(run.plan(), run.summary()));
    browser = new HeadlessChromium(chromium.get(), temp, BROWSER_TIMEOUT);
  }

  @Test
  void builds_a_bar_per_attempt_and_a_node_per_task_and_shows_a_hostile_name_as_text()
      throws IOException, InterruptedException {
    String dom = browser.dumpDom(page);

    assertThat(
            count(dom, "<g class=\"bar (completed|failed)\" data-task=\"task_\\d\" data-attempt"))
        .isEqualTo(5);
    assertThat(count(dom, "<g class=\"node [a-z_ ]+\" data-task=\"task_\\d\"")).isEqualTo(5);
    assertThat(count(dom, "<path class=\"edge( critical)?\"")).isEqualTo(6);
    assertThat(dom)
        .contains(">&lt;script&gt;alert(1)&lt;/script&gt;</td>")
        .containsPattern(
            "(?s)<g class=\"node failed\" data-task=\"task_3\".*?<text class=\"node-name\"[^>]*>"
                + "&lt;script&gt;alert\\(1\\)&lt;/script&gt;</text>")
        .contains("&lt;img src=x onerror=alert(2)&gt;")
        .doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("<img");
  }

  @Test
  void paints_the_bars_and_the_critical_path() throws IOException, InterruptedException {
    Path png = temp.resolve("report.png");

    browser.screenshot(page, png, 1200, 1400);

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1200);
    // Completed bars and nodes, failed ones, and the outline of the critical path.
    assertThat(pixels(image, 0x2f9e6b)).isGreaterThan(5_000);
    assertThat(pixels(image, 0xd9484b)).isGreaterThan(1_000);
    assertThat(pixels(image, 0xf08c00)).isGreaterThan(500);
  }

  @Test
  void keeps_a_hostile_patch_as_text_inside_one_closed_diff()
      throws IOException, InterruptedException {
    Path run = Files.createDirectories(temp.resolve("repository-run"));
    ReportFixture fixture =
        new ReportFixture()
            .task("task_1")
            .details(
                Map.of(
                    "commit",
                    RepositoryReportTest.COMMIT,
                    "merge",
                    "clean",
                    "changes",
                    "src/app/core.py +2 -1"))
            .completed();
    PlanJson.write(fixture.plan(), run.resolve(PlanJson.FILE_NAME));
    SummaryJson.write(fixture.summary(), run.resolve(SummaryJson.FILE_NAME));
    Files.createDirectories(run.resolve("executor_1"));
    Files.writeString(run.resolve("executor_1/task_1.patch"), RepositoryReportTest.HOSTILE_PATCH);

    String dom = browser.dumpDom(RunReport.rerender(run));

    assertThat(count(dom, "<details")).isEqualTo(1);
    assertThat(count(dom, "<pre")).isEqualTo(1);
    assertThat(dom)
        .contains("<details class=\"diff\"><summary>Diff, 10 lines</summary>")
        .contains("&lt;/details&gt;&lt;/pre&gt;&lt;details open&gt;&lt;summary&gt;x")
        .doesNotContainIgnoringCase("<script")
        .doesNotContain("<details open");
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Pixels within a few levels of the colour on each channel. */
  private static int pixels(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        if (close(p >> 16, rgb >> 16) && close(p >> 8, rgb >> 8) && close(p, rgb)) {
          n++;
        }
      }
    }
    return n;
  }

  private static boolean close(int a, int b) {
    return Math.abs((a & 0xff) - (b & 0xff)) <= 6;
  }
}
