package dev.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.agent.AgentException;
import dev.orchestrator.agent.AgentResult;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.plan.Complexity;
import dev.orchestrator.plan.Effort;
import dev.orchestrator.plan.InvalidPlanException;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import dev.orchestrator.plan.TaskStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The library entry point, with agents written for the test. */
@Timeout(30)
class OrchestratorTest {

  @TempDir Path temp;

  /** task_1 → task_2 → task_3, and task_4 on its own. */
  static Plan chainAndLoner() {
    List<Task> tasks = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      tasks.add(
          new Task(
              "task_" + i,
              "Task " + i,
              "does " + i,
              2,
              Effort.LOW,
              Duration.ofMinutes(30),
              List.of("works"),
              List.of("src/t" + i + "/**")));
    }
    Map<String, List<String>> deps = new LinkedHashMap<>();
    deps.put("task_2", List.of("task_1"));
    deps.put("task_3", List.of("task_2"));
    return new Plan(
        "chain",
        new Complexity(30, "", List.of(), List.of()),
        2,
        Plan.TASK_QUEUE,
        tasks,
        deps,
        "",
        "",
        null);
  }

  private Orchestrator orchestrator(String failing, List<RunEvent> events) {
    return Orchestrator.builder()
        .maxExecutors(2)
        .outputDirectory(temp.resolve("out"))
        .listener(events::add)
        .agents(
            executor ->
                assignment -> {
                  if (assignment.task().id().equals(failing)) {
                    throw new AgentException("the agent crashed", true);
                  }
                  assignment.workspace().write("src/" + assignment.task().id() + ".py", "x = 1\n");
                  return AgentResult.of("ok");
                })
        .build();
  }

  @Test
  void a_failure_skips_exactly_its_dependents_while_independent_tasks_complete() throws Exception {
    List<RunEvent> events = new CopyOnWriteArrayList<>();

    RunOutcome outcome = orchestrator("task_2", events).execute(chainAndLoner());

    Map<String, TaskStatus> status =
        outcome.record().results().stream()
            .collect(Collectors.toMap(TaskResult::taskId, TaskResult::status));
    assertThat(status)
        .containsEntry("task_1", TaskStatus.COMPLETED)
        .containsEntry("task_2", TaskStatus.FAILED)
        .containsEntry("task_3", TaskStatus.SKIPPED)
        .containsEntry("task_4", TaskStatus.COMPLETED);
    assertThat(outcome.allCompleted()).isFalse();
    TaskResult failed = outcome.record().results().get(1);
    assertThat(failed.error()).isEqualTo("the agent crashed");
    assertThat(outcome.record().results().get(2).error()).contains("task_2 failed");
  }

  @Test
  void every_task_gets_exactly_one_terminal_event_and_a_skipped_task_is_never_started()
      throws Exception {
    List<RunEvent> events = new CopyOnWriteArrayList<>();

    orchestrator("task_2", events).execute(chainAndLoner());

    Function<RunEvent, String> taskOf =
        e ->
            e instanceof RunEvent.TaskCompleted c
                ? c.taskId()
                : e instanceof RunEvent.TaskFailed f
                    ? f.taskId()
                    : e instanceof RunEvent.TaskSkipped s ? s.taskId() : null;
    assertThat(events.stream().map(taskOf).filter(id -> id != null))
        .containsExactlyInAnyOrder("task_1", "task_2", "task_3", "task_4");
    assertThat(events)
        .noneMatch(e -> e instanceof RunEvent.TaskStarted s && s.taskId().equals("task_3"))
        .noneMatch(e -> e instanceof RunEvent.TaskQueued q && q.taskId().equals("task_3"));
    assertThat(events.get(0)).isInstanceOf(RunEvent.RunStarted.class);
    assertThat(events.get(events.size() - 1)).isInstanceOf(RunEvent.RunFinished.class);
  }

  @Test
  void keeps_each_tasks_raw_output_under_its_executor() throws Exception {
    RunOutcome outcome =
        orchestrator("none", new CopyOnWriteArrayList<>()).execute(chainAndLoner());

    for (TaskResult result : outcome.record().results()) {
      assertThat(result.rawDirectory())
          .isEqualTo(temp.resolve("out/executor_" + result.executorId() + "/" + result.taskId()));
      assertThat(result.rawDirectory().resolve("src/" + result.taskId() + ".py")).exists();
    }
    assertThat(temp.resolve("out/src/task_4.py")).exists();
  }

  @Test
  void rejects_an_invalid_plan_before_touching_the_output_directory() {
    Plan plan = chainAndLoner();
    Plan cyclic =
        new Plan(
            plan.requirements(),
            plan.complexity(),
            2,
            Plan.TASK_QUEUE,
            plan.tasks(),
            Map.of("task_1", List.of("task_3"), "task_3", List.of("task_1")),
            "",
            "",
            null);

    assertThatThrownBy(() -> orchestrator("none", new ArrayList<>()).execute(cyclic))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("task_1 -> task_3 -> task_1");
    assertThat(temp.resolve("out")).doesNotExist();
  }

  @Test
  void a_cancel_before_a_run_cancels_that_run_only_and_the_next_run_of_the_instance_completes()
      throws Exception {
    Orchestrator orchestrator = orchestrator("none", new CopyOnWriteArrayList<>());

    orchestrator.cancel();
    RunOutcome cancelled = orchestrator.execute(chainAndLoner());
    RunOutcome next = orchestrator.execute(chainAndLoner());

    assertThat(cancelled.record().results())
        .extracting(TaskResult::status)
        .containsOnly(TaskStatus.NOT_STARTED);
    assertThat(next.record().results())
        .extracting(TaskResult::status)
        .containsOnly(TaskStatus.COMPLETED);
  }
}
