package dev.orchestrator.output.report;

import static dev.orchestrator.output.report.GanttChart.BAR_HEIGHT;
import static dev.orchestrator.output.report.GanttChart.LABEL_WIDTH;
import static dev.orchestrator.output.report.GanttChart.LANE_HEIGHT;
import static dev.orchestrator.output.report.GanttChart.PLOT_WIDTH;
import static dev.orchestrator.output.report.GanttChart.TOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.orchestrator.output.Attempt;
import dev.orchestrator.output.report.GanttChart.PlacedBar;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GanttChartTest {

  static Bar bar(String id, long start, long end) {
    return new Bar(id, "Name of " + id, 1, 1, start, end, Attempt.Outcome.COMPLETED, null);
  }

  @Nested
  class Geometry {

    @Test
    void a_bar_spans_its_share_of_the_axis_in_its_executors_lane() {
      List<Lane> lanes =
          List.of(
              new Lane(1, List.of(bar("task_1", 0, 10_000))),
              new Lane(2, List.of(bar("task_2", 10_000, 30_000))));

      List<PlacedBar> placed = GanttChart.place(lanes, 40_000);

      PlacedBar second = placed.get(1);
      assertThat(second.bar().taskId()).isEqualTo("task_2");
      assertThat(second.lane()).isEqualTo(1);
      assertThat(second.x()).isCloseTo(LABEL_WIDTH + PLOT_WIDTH / 4.0, within(1e-9));
      assertThat(second.width()).isCloseTo(PLOT_WIDTH / 2.0, within(1e-9));
      assertThat(second.y()).isEqualTo(TOP + LANE_HEIGHT + (LANE_HEIGHT - BAR_HEIGHT) / 2.0);
      assertThat(second.height()).isEqualTo(BAR_HEIGHT);
      assertThat(placed.get(0).x()).isEqualTo(LABEL_WIDTH);
    }

    @Test
    void a_bar_ending_at_the_horizon_ends_at_the_right_edge_of_the_plot() {
      PlacedBar only =
          GanttChart.place(List.of(new Lane(1, List.of(bar("t", 500, 2_000)))), 2_000).get(0);

      assertThat(only.x() + only.width()).isCloseTo(LABEL_WIDTH + PLOT_WIDTH, within(1e-9));
    }

    @Test
    void an_instant_task_is_still_drawn() {
      PlacedBar instant =
          GanttChart.place(List.of(new Lane(1, List.of(bar("t", 100, 100)))), 1_000).get(0);

      assertThat(instant.width()).isEqualTo(GanttChart.MIN_BAR_WIDTH);
    }

    @Test
    void bars_of_a_lane_are_in_start_order() {
      Lane lane = new Lane(1, List.of(bar("late", 50, 60), bar("early", 0, 10)));

      assertThat(lane.bars()).extracting(Bar::taskId).containsExactly("early", "late");
      assertThat(lane.busyMillis()).isEqualTo(20);
    }
  }

  @Nested
  class Axis {

    @ParameterizedTest(name = "horizon {0} ms: step {1} ms")
    @CsvSource({
      "1, 1",
      "9, 1",
      "2300, 500",
      "45000, 5000",
      "1000000, 120000",
      "14400000, 1800000",
      "36000000, 3600000"
    })
    void ticks_are_a_round_step_apart_and_at_most_about_ten(long horizon, long step) {
      List<Long> ticks = GanttChart.ticks(horizon);

      assertThat(GanttChart.step(horizon)).isEqualTo(step);
      assertThat(ticks).startsWith(0L).hasSizeLessThanOrEqualTo(11);
      assertThat(ticks.get(ticks.size() - 1))
          .isLessThanOrEqualTo(horizon)
          .isGreaterThan(horizon - step);
    }

    @ParameterizedTest(name = "{0} ms with step {1} ms reads {2}")
    @CsvSource({
      "0, 500, 0s",
      "1500, 500, 1.5s",
      "30000, 5000, 30s",
      "1800000, 300000, 30min",
      "7200000, 3600000, 2h"
    })
    void tick_labels_use_the_unit_of_the_step(long millis, long step, String label) {
      assertThat(Figures.tick(millis, step)).isEqualTo(label);
    }
  }

  @Nested
  class Drawing {

    final ReportFixture run =
        new ReportFixture()
            .executors(2)
            .wallSeconds(40)
            .task("task_1")
            .ranOn(1, 0, 10)
            .completed()
            .task("task_2")
            .failedAttempt(2, 10, 15, "timeout")
            .ranOn(1, 20, 30)
            .failed("boom")
            .task("task_3")
            .ranOn(2, 20, 40)
            .completed();
    final ReportModel model = ReportModel.fromRun(run.plan(), run.summary());

    @Test
    void draws_one_bar_per_attempt_coloured_by_its_outcome_with_hover_text() {
      String svg = GanttChart.svg(model, "seconds");

      assertThat(svg.split("<g class=\"bar ", -1)).hasSize(5);
      assertThat(svg)
          .contains(
              "<g class=\"bar failed\" data-task=\"task_2\" data-attempt=\"2\"><title>task_2 · Name"
                  + " of task_2\nfailed · 10.0 s (20.0 s → 30.0 s) · attempt 2 of 2</title>")
          .contains("<g class=\"bar failed\" data-task=\"task_2\" data-attempt=\"1\">");
    }

    @Test
    void hatches_the_idle_time_between_and_after_bars() {
      String svg = GanttChart.svg(model, "seconds");

      assertThat(svg)
          .contains("<title>Executor 1 idle 5.00 s (10.0 s → 15.0 s)</title>")
          .contains("<title>Executor 1 idle 10.0 s (30.0 s → 40.0 s)</title>")
          .contains("<title>Executor 2 idle 10.0 s (0.00 s → 10.0 s)</title>")
          .doesNotContain("Executor 3");
    }

    @Test
    void the_time_no_executor_had_a_task_such_as_the_verify_steps_tests_is_not_idle_time() {
      String svg = GanttChart.svg(model, "seconds");

      // 15 s to 20 s neither executor had a task: the run was between steps.
      assertThat(svg)
          .contains("<title>no task running 5.00 s (15.0 s → 20.0 s)")
          .doesNotContain("Executor 1 idle 10.0 s (10.0 s → 20.0 s)")
          .doesNotContain("Executor 2 idle 5.00 s (15.0 s → 20.0 s)");
    }

    @Test
    void a_local_run_names_no_worker() {
      String svg = GanttChart.svg(model, "seconds");

      assertThat(svg).doesNotContain("worker").contains(">Executor 1</text>");
    }
  }

  @Nested
  class OnTemporalWorkers {

    // task_1's first attempt was lost with its worker; another worker ran the second.
    final ReportFixture run =
        new ReportFixture()
            .executors(2)
            .wallSeconds(20)
            .task("task_1")
            .onWorker("host-a:101")
            .failedAttempt(1, 0, 5, "no heartbeat")
            .onWorker("host-b:202")
            .ranOn(1, 8, 12)
            .completed()
            .task("task_2")
            .onWorker("host-b:202")
            .ranOn(2, 0, 20)
            .completed();
    final ReportModel model = ReportModel.fromRun(run.plan(), run.summary());

    @Test
    void each_attempt_says_which_worker_ran_it() {
      String svg = GanttChart.svg(model, "seconds");

      assertThat(svg)
          .contains(
              "<g class=\"bar failed\" data-task=\"task_1\" data-attempt=\"1\""
                  + " data-worker=\"host-a:101\"><title>task_1 · Name of task_1\nfailed · 5.00 s"
                  + " (0.00 s → 5.00 s) · attempt 1 of 2\non worker host-a:101</title>")
          .contains(
              "data-task=\"task_1\" data-attempt=\"2\" data-worker=\"host-b:202\"><title>task_1"
                  + " · Name of task_1\ncompleted · 4.00 s (8.00 s → 12.0 s) · attempt 2 of 2\non"
                  + " worker host-b:202</title>");
    }

    @Test
    void each_lane_names_the_workers_its_attempts_ran_on() {
      String svg = GanttChart.svg(model, "seconds");

      assertThat(svg)
          .contains("<title>Executor 1 ran on worker host-a:101, host-b:202</title>")
          .contains("<title>Executor 2 ran on worker host-b:202</title>");
    }
  }
}
