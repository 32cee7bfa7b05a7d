package dev.orchestrator.output.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.UsageException;
import dev.orchestrator.output.SummaryJson;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.TaskStatus;
import dev.orchestrator.usage.TokenUsage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

  static final String HOSTILE_NAME = "<script>alert(1)</script>";

  static String page(ReportFixture run) {
    return RunReport.render(ReportModel.fromRun(run.plan(), run.summary()));
  }

  static ReportFixture sampleRun() {
    return new ReportFixture()
        .executors(2)
        .wallSeconds(12)
        .task("task_1")
        .ranOn(1, 0, 4)
        .completed()
        .task("task_2")
        .dependsOn("task_1")
        .ranOn(1, 4, 9)
        .completed()
        .task("task_3")
        .dependsOn("task_1")
        .ranOn(2, 4, 6)
        .failed("exit code 3")
        .task("task_4")
        .dependsOn("task_2", "task_3")
        .skipped("task_3 failed");
  }

  @Nested
  class Escaping {

    final String page =
        page(
            new ReportFixture()
                .requirements("Build \"><img src=x onerror=alert(2)> & more")
                .task("task_1")
                .named(HOSTILE_NAME)
                .ranOn(1, 0, 3)
                .completed()
                .task("task_2")
                .named("it's <b>bold</b>")
                .dependsOn("task_1")
                .ranOn(1, 3, 5)
                .failed("</td></tr></table><script>alert(3)</script>"));

    @Test
    void shows_markup_from_the_requirement_and_the_tasks_as_text() {
      assertThat(page)
          .doesNotContain("<script")
          .doesNotContain("<img")
          .doesNotContain("<b>")
          .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
          .contains("Build &quot;&gt;&lt;img src=x onerror=alert(2)&gt; &amp; more")
          .contains("it&#39;s &lt;b&gt;bold&lt;/b&gt;")
          .contains("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;alert(3)&lt;/script&gt;");
    }

    @Test
    void forbids_scripts_and_loading_anything_even_if_escaping_failed() {
      assertThat(page)
          .contains(
              "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                  + " style-src 'unsafe-inline'\">")
          .doesNotContain(" src=\"")
          .doesNotContain(" href=\"")
          .doesNotContainPattern("https?://(?!www\\.w3\\.org/2000/svg\")");
    }
  }

  @Nested
  class Figures {

    @Test
    void says_not_measured_for_tokens_and_cost_when_no_model_was_used_and_drops_their_columns() {
      String page = page(sampleRun());

      assertThat(page)
          .contains(
              "<dt>Tokens</dt><dd><span class=\"not-measured\">not measured</span><small>no model"
                  + " was used</small>")
          .contains("<dt>Cost</dt><dd><span class=\"not-measured\">not measured</span>")
          .doesNotContain("<th>Tokens</th>")
          .doesNotContain("<th>Cost</th>")
          .doesNotContain("$");
    }

    @Test
    void shows_measured_tokens_and_cost_and_not_measured_where_a_task_has_none() {
      String page =
          page(
              new ReportFixture()
                  .task("task_1")
                  .usage(new TokenUsage(1200, 300, 0, 0, new BigDecimal("0.0123")))
                  .ranOn(1, 0, 2)
                  .completed()
                  .task("task_2")
                  .ranOn(1, 2, 3)
                  .completed());

      assertThat(page)
          .contains("<dt>Tokens</dt><dd>1,200 in · 300 out</dd>")
          .contains("<dt>Cost</dt><dd>$0.01</dd>")
          .contains("<th>Tokens</th>")
          .containsPattern(
              "data-task=\"task_2\">.*<td class=\"number\"><span class=\"not-measured\">not"
                  + " measured</span></td>");
    }

    @Test
    void says_cost_not_measured_when_no_price_is_known() {
      String page =
          page(
              new ReportFixture()
                  .task("task_1")
                  .usage(new TokenUsage(10, 5, 0, 0, null))
                  .ranOn(1, 0, 2)
                  .completed());

      assertThat(page)
          .contains(
              "<dt>Cost</dt><dd><span class=\"not-measured\">not measured</span><small>no price"
                  + " known");
    }

    @Test
    void compares_the_measured_makespan_with_the_measured_bound_and_labels_the_estimates() {
      String page = page(sampleRun());

      assertThat(page)
          .contains("<dt>Makespan</dt><dd>9.00 s")
          .contains(
              "<dt>Lower bound</dt><dd>9.00 s<small>max(longest chain 9.00 s, busy 11.0 s / 2"
                  + " executors)")
          .contains("<dt>Makespan / bound</dt><dd>1.00×")
          .contains("<dt>Plan estimate</dt><dd>critical path 3 h")
          .contains("not comparable with the measured times");
    }

    @Test
    void counts_tasks_by_outcome() {
      assertThat(page(sampleRun()))
          .contains(
              "<dt>Tasks</dt><dd>2 of 4 completed<small>1 failed · 1 skipped · 0 not started");
    }
  }

  @Test
  void does_not_draw_a_graph_of_more_tasks_than_a_drawing_can_show() {
    ReportFixture run = sampleRun();
    ReportModel model = ReportModel.fromRun(run.plan(), run.summary());

    assertThat(TaskGraphChart.svg(model, 4)).contains("<g class=\"node ");
    assertThat(TaskGraphChart.svg(model, 3))
        .doesNotContain("<g class=\"node ")
        .contains("Not drawn: 4 tasks, more than the 3 a drawing can show.");
  }

  @Test
  void draws_a_bar_per_task_that_ran_and_a_node_per_task_with_the_critical_path() {
    String page = page(sampleRun());

    assertThat(page.split("<g class=\"bar ", -1)).hasSize(4);
    assertThat(page.split("<g class=\"node ", -1)).hasSize(5);
    assertThat(page)
        .contains("<g class=\"node skipped critical\" data-task=\"task_4\" data-depth=\"2\">")
        .contains("<path class=\"edge critical\" data-from=\"task_1\" data-to=\"task_2\"");
  }

  @Test
  void labels_a_simulation_in_plan_units_without_measured_figures() {
    var plan = sampleRun().plan();
    long hour = 3_600_000;
    String page =
        RunReport.render(
            ReportModel.fromSchedule(
                plan,
                new long[] {0, hour, hour, 2 * hour},
                new long[] {hour, 2 * hour, 2 * hour, 3 * hour},
                new int[] {1, 1, 2, 1},
                new TaskStatus[] {
                  TaskStatus.COMPLETED,
                  TaskStatus.COMPLETED,
                  TaskStatus.COMPLETED,
                  TaskStatus.COMPLETED
                },
                2));

    assertThat(page)
        .contains("<h1>Simulated schedule</h1>")
        .contains("<dt>Makespan</dt><dd>3 h<small>first task start to last task end, virtual clock")
        .contains("<dt>Makespan / bound</dt><dd>1.00×")
        .doesNotContain("Wall time")
        .doesNotContain("<th>Files</th>")
        .contains("virtual time (each task takes its estimate)");
  }

  @Nested
  class Rerendering {

    @TempDir Path out;

    @Test
    void renders_the_report_of_an_output_directory_from_its_summary_and_plan() throws IOException {
      ReportFixture run = sampleRun();
      PlanJson.write(run.plan(), out.resolve(PlanJson.FILE_NAME));
      SummaryJson.write(run.summary(), out.resolve(SummaryJson.FILE_NAME));

      Path file = RunReport.rerender(out);

      assertThat(file).isEqualTo(out.resolve("report.html"));
      assertThat(Files.readString(file)).isEqualTo(page(run));
    }

    @Test
    void refuses_a_directory_without_a_summary() throws IOException {
      PlanJson.write(sampleRun().plan(), out.resolve(PlanJson.FILE_NAME));

      assertThatThrownBy(() -> RunReport.rerender(out))
          .isInstanceOf(UsageException.class)
          .hasMessageContaining("no execution_summary.json in " + out);
      assertThat(out.resolve("report.html")).doesNotExist();
    }

    @Test
    void refuses_an_unreadable_summary_as_bad_input() throws IOException {
      PlanJson.write(sampleRun().plan(), out.resolve(PlanJson.FILE_NAME));
      Files.writeString(out.resolve(SummaryJson.FILE_NAME), "{ not json");

      assertThatThrownBy(() -> RunReport.rerender(out))
          .isInstanceOf(UsageException.class)
          .hasMessageContaining("is not a readable execution summary");
    }

    @Test
    void refuses_a_summary_of_another_plan() throws IOException {
      PlanJson.write(
          new ReportFixture().task("task_9").completed().plan(), out.resolve(PlanJson.FILE_NAME));
      SummaryJson.write(sampleRun().summary(), out.resolve(SummaryJson.FILE_NAME));

      assertThatThrownBy(() -> RunReport.rerender(out))
          .isInstanceOf(UsageException.class)
          .hasMessageContaining("does not belong to")
          .hasMessageContaining("task_9");
    }
  }
}
