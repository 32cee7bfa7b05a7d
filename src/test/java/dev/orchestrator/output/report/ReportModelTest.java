package dev.orchestrator.output.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.output.Attempt;
import dev.orchestrator.output.report.ReportModel.Edge;
import dev.orchestrator.output.report.ReportModel.Kind;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.TaskStatus;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReportModelTest {

  @Nested
  class FromARun {

    final ReportFixture run =
        new ReportFixture()
            .executors(3)
            .wallSeconds(50)
            .task("task_1")
            .estimate(Duration.ofHours(2))
            .ranOn(2, 5, 15)
            .completed()
            .task("task_2")
            .dependsOn("task_1")
            .ranOn(1, 15, 35)
            .completed()
            .task("task_3")
            .dependsOn("task_1")
            .ranOn(2, 15, 20)
            .failed("boom")
            .task("task_4")
            .dependsOn("task_3")
            .skipped("task_3 failed");
    final ReportModel model = ReportModel.fromRun(run.plan(), run.summary());

    @Test
    void puts_each_task_on_its_executors_lane_in_seconds_since_the_run_started() {
      assertThat(model.kind()).isEqualTo(Kind.RUN);
      assertThat(model.lanes()).extracting(Lane::executor).containsExactly(1, 2, 3);
      assertThat(model.lanes().get(1).bars())
          .containsExactly(
              new Bar(
                  "task_1", "Name of task_1", 1, 1, 5_000, 15_000, Attempt.Outcome.COMPLETED, null),
              new Bar(
                  "task_3", "Name of task_3", 1, 1, 15_000, 20_000, Attempt.Outcome.FAILED, null));
      assertThat(model.lanes().get(2).bars()).isEmpty();
      assertThat(model.horizonMillis()).isEqualTo(50_000);
    }

    @Test
    void keeps_the_graph_and_the_plans_critical_path() {
      assertThat(model.dependencies())
          .containsExactly(
              new Edge("task_1", "task_2"),
              new Edge("task_1", "task_3"),
              new Edge("task_3", "task_4"));
      assertThat(model.criticalPath()).containsExactly("task_1", "task_3", "task_4");
    }

    @Test
    void bounds_the_makespan_by_the_measured_durations_and_keeps_the_estimates_apart() {
      Overview overview = model.overview();

      assertThat(overview.makespan()).isEqualTo(Duration.ofSeconds(30));
      assertThat(overview.longestChain()).isEqualTo(Duration.ofSeconds(30)); // task_1 + task_2
      assertThat(overview.busyTime()).isEqualTo(Duration.ofSeconds(35));
      assertThat(overview.lowerBound()).isEqualTo(Duration.ofSeconds(30));
      assertThat(overview.estimatedCriticalPath()).isEqualTo(Duration.ofHours(4));
      assertThat(overview.estimatedTotalWork()).isEqualTo(Duration.ofHours(5));
      assertThat(overview.estimatedLowerBound()).isEqualTo(Duration.ofHours(4));
      assertThat(overview.wallTime()).isEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void a_task_that_never_started_has_no_bar_executor_or_duration() {
      TaskRow skipped = model.tasks().get(3);

      assertThat(skipped.executor()).isNull();
      assertThat(skipped.duration()).isNull();
      assertThat(skipped.error()).isEqualTo("task_3 failed");
    }

    @Test
    void draws_every_attempt_of_a_retried_task_where_it_ran_and_counts_only_working_time() {
      ReportFixture retried =
          new ReportFixture()
              .executors(2)
              .task("task_1")
              .failedAttempt(2, 0, 4, "timed out")
              .ranOn(1, 6, 10)
              .completed();

      ReportModel model = ReportModel.fromRun(retried.plan(), retried.summary());

      assertThat(model.lanes().get(1).bars())
          .containsExactly(
              new Bar("task_1", "Name of task_1", 1, 2, 0, 4_000, Attempt.Outcome.FAILED, null));
      assertThat(model.lanes().get(0).bars())
          .containsExactly(
              new Bar(
                  "task_1",
                  "Name of task_1",
                  2,
                  2,
                  6_000,
                  10_000,
                  Attempt.Outcome.COMPLETED,
                  null));
      assertThat(model.tasks().get(0).attempts()).isEqualTo(2);
      assertThat(model.tasks().get(0).duration()).isEqualTo(Duration.ofSeconds(10));
      assertThat(model.overview().longestChain()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void leaves_attempts_of_the_run_it_resumed_off_the_timeline_and_counts_them() {
      ReportFixture resumed =
          new ReportFixture()
              .task("task_1")
              .ranOn(1, -600, -590)
              .completed()
              .task("task_2")
              .dependsOn("task_1")
              .ranOn(1, 2, 5)
              .completed();

      ReportModel model = ReportModel.fromRun(resumed.plan(), resumed.summary());

      assertThat(model.lanes().get(0).bars()).extracting(Bar::taskId).containsExactly("task_2");
      assertThat(model.overview().earlierAttempts()).isEqualTo(1);
      assertThat(model.overview().busyTime()).isEqualTo(Duration.ofSeconds(3));
      assertThat(RunReport.render(model))
          .contains("Not on the timeline: 1 attempt made before this run started");
    }

    @Test
    void rejects_a_summary_of_other_tasks() {
      Plan other = new ReportFixture().task("task_9").completed().plan();

      assertThatThrownBy(() -> ReportModel.fromRun(other, run.summary()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("lacks [task_9]")
          .hasMessageContaining("has [task_1, task_2, task_3, task_4]");
    }
  }

  @Nested
  class FromASchedule {

    final Plan plan =
        new ReportFixture()
            .executors(2)
            .task("task_1")
            .estimate(Duration.ofHours(1))
            .completed()
            .task("task_2")
            .estimate(Duration.ofHours(2))
            .completed()
            .task("task_3")
            .estimate(Duration.ofHours(1))
            .dependsOn("task_1")
            .completed()
            .plan();
    static final long HOUR = 3_600_000;

    final ReportModel model =
        ReportModel.fromSchedule(
            plan,
            new long[] {0, 0, HOUR},
            new long[] {HOUR, 2 * HOUR, 2 * HOUR},
            new int[] {1, 2, 1},
            new TaskStatus[] {TaskStatus.COMPLETED, TaskStatus.COMPLETED, TaskStatus.COMPLETED},
            2);

    @Test
    void lays_the_tasks_out_in_plan_units_on_their_executors() {
      assertThat(model.kind()).isEqualTo(Kind.SIMULATION);
      assertThat(model.lanes().get(0).bars())
          .extracting(Bar::taskId)
          .containsExactly("task_1", "task_3");
      assertThat(model.horizonMillis()).isEqualTo(2 * HOUR);
    }

    @Test
    void compares_the_makespan_with_the_bound_in_the_same_units() {
      Overview overview = model.overview();

      assertThat(overview.makespan()).isEqualTo(Duration.ofHours(2));
      assertThat(overview.lowerBound()).isEqualTo(Duration.ofHours(2));
      assertThat(overview.lowerBound()).isEqualTo(overview.estimatedLowerBound());
      assertThat(overview.utilisation()).isEqualTo(1.0);
      assertThat(overview.wallTime()).isNull();
    }

    @Test
    void measures_nothing_it_did_not_measure() {
      assertThat(model.tasks())
          .allSatisfy(
              t -> {
                assertThat(t.files()).isNull();
                assertThat(t.lines()).isNull();
                assertThat(t.usage()).isNull();
              });
      assertThat(model.overview().usage()).isNull();
      assertThat(model.overview().filesCreated()).isNull();
    }

    @Test
    void needs_one_entry_per_task() {
      assertThatThrownBy(
              () ->
                  ReportModel.fromSchedule(
                      plan, new long[1], new long[1], new int[1], new TaskStatus[1], 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("one entry per task");
    }
  }
}
