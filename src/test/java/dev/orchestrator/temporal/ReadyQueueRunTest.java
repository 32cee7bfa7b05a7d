package dev.orchestrator.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.output.Backend;
import dev.orchestrator.plan.Complexity;
import dev.orchestrator.plan.Effort;
import dev.orchestrator.plan.FileConflicts;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.Task;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.schedule.DispatchOrder;
import dev.orchestrator.usage.TokenUsage;
import io.temporal.activity.Activity;
import io.temporal.client.ActivityCanceledException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The run's workflow on Temporal's test environment (time skipping), with in-memory activities: the
 * scheduling rules of a local run hold.
 */
@Timeout(60)
class ReadyQueueRunTest {

  static final String TASKS = "tasks";
  static final String LEDGER = "ledger";

  TestWorkflowEnvironment environment;
  final List<RunFact> facts = new CopyOnWriteArrayList<>();
  final AtomicInteger running = new AtomicInteger();
  final AtomicInteger peak = new AtomicInteger();
  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  /** What each attempt of the fake worker spends on its model; null for none. */
  volatile TokenUsage spentPerAttempt;

  /** What the workers may spend ({@code --max-cost}); null for no limit. */
  volatile BigDecimal costLimitUsd;

  /** What the fake coordinator does with a batch of facts after recording it. */
  volatile Consumer<List<RunFact>> onFacts = batch -> {};

  @BeforeEach
  void startEnvironment() {
    environment = TestWorkflowEnvironment.newInstance();
  }

  @AfterEach
  void closeEnvironment() {
    environment.close();
  }

  /** A fake worker: what an attempt at a task does, by task id and attempt number. */
  interface Behaviour {
    void attempt(TaskOrder order) throws Exception;
  }

  WorkflowResult run(Plan plan, int retries, Behaviour behaviour) {
    return run(plan, retries, 0, behaviour);
  }

  /**
   * @param historyEventLimit events after which a run continues as new; 0 for the default
   */
  WorkflowResult run(Plan plan, int retries, long historyEventLimit, Behaviour behaviour) {
    Worker tasks = environment.newWorker(TASKS);
    tasks.registerWorkflowImplementationTypes(ReadyQueueRun.class);
    tasks.registerActivitiesImplementations(
        (TaskActivity)
            order -> {
              calls.computeIfAbsent(order.taskId(), id -> new AtomicInteger()).incrementAndGet();
              int now = running.incrementAndGet();
              peak.accumulateAndGet(now, Math::max);
              try {
                behaviour.attempt(order);
              } catch (ApplicationFailure e) {
                throw e;
              } catch (Exception e) {
                throw new IllegalStateException(e);
              } finally {
                running.decrementAndGet();
              }
              byte[] zip = new byte[] {1, 2, 3};
              return new TaskDelivery(
                  order.taskId(),
                  record(order, null, spentPerAttempt),
                  new Bundle(order.taskId(), zip, Bundles.sha256(zip), zip.length),
                  Map.of(),
                  "done",
                  spentPerAttempt,
                  Map.of());
            });
    environment
        .newWorker(LEDGER)
        .registerActivitiesImplementations(
            (Ledger)
                batch -> {
                  facts.addAll(batch);
                  onFacts.accept(batch);
                });
    environment.start();
    TaskGraph graph = TaskGraph.of(plan);
    WorkflowInput input =
        new WorkflowInput(
            PlanJson.write(plan),
            DispatchOrder.criticalPathFirst(plan, graph),
            FileConflicts.adjacency(plan, graph),
            List.of(),
            TASKS,
            LEDGER,
            2_000,
            0,
            retries,
            60_000,
            600_000,
            historyEventLimit,
            costLimitUsd,
            Continuation.FIRST);
    WorkflowClient client = environment.getWorkflowClient();
    RunWorkflow workflow =
        client.newWorkflowStub(
            RunWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue(TASKS).build());
    return workflow.run(input);
  }

  /** What the test's "worker" says it ran the attempts with. */
  static final Backend EXECUTOR = new Backend("llm", "claude-test-1");

  static AttemptRecord record(TaskOrder order, String error) {
    return record(order, error, null);
  }

  static AttemptRecord record(TaskOrder order, String error, TokenUsage usage) {
    return new AttemptRecord(
        order.attempt(),
        order.slot(),
        0,
        1,
        error == null ? "completed" : "failed",
        error,
        "test",
        EXECUTOR,
        usage);
  }

  static ApplicationFailure agentFailure(TaskOrder order, boolean retryable) {
    return ApplicationFailure.newNonRetryableFailure(
        "agent failed", TaskActivity.AGENT_FAILURE, record(order, "agent failed"), retryable);
  }

  List<String> facts(RunFact.Kind kind) {
    return facts.stream().filter(f -> f.kind() == kind).map(RunFact::taskId).toList();
  }

  @Test
  void never_runs_more_than_the_budget_and_runs_every_task_once() {
    int budget = 3;
    CountDownLatch firstWave = new CountDownLatch(budget);
    WorkflowResult result =
        run(
            plan(12, budget, id -> List.of()),
            0,
            order -> {
              firstWave.countDown();
              // The first M attempts only return once all M have started: they ran at once.
              assertThat(firstWave.await(20, TimeUnit.SECONDS)).isTrue();
            });

    assertThat(result.ends()).isEmpty();
    assertThat(peak.get()).isEqualTo(budget);
    assertThat(calls).hasSize(12).allSatisfy((id, count) -> assertThat(count.get()).isOne());
    assertThat(facts(RunFact.Kind.COMPLETED)).hasSize(12).doesNotHaveDuplicates();
    assertThat(facts.stream().filter(f -> f.kind() == RunFact.Kind.STARTED))
        .allSatisfy(f -> assertThat(f.slot()).isBetween(1, budget));
  }

  @Test
  void a_stop_starts_no_further_task_and_lets_the_running_ones_finish() {
    int budget = 2;
    CountDownLatch firstWave = new CountDownLatch(budget);
    AtomicBoolean stopSending = new AtomicBoolean();
    CountDownLatch stopSent = new CountDownLatch(1);
    WorkflowResult result =
        run(
            plan(6, budget, id -> List.of()),
            0,
            order -> {
              firstWave.countDown();
              assertThat(firstWave.await(20, TimeUnit.SECONDS)).isTrue();
              if (stopSending.compareAndSet(false, true)) {
                // What the coordinator sends when --max-cost is reached or on Ctrl-C.
                environment
                    .getWorkflowClient()
                    .newWorkflowStub(
                        RunWorkflow.class, Activity.getExecutionContext().getInfo().getWorkflowId())
                    .stop();
                stopSent.countDown();
              }
              // Both end after the stop, as attempts that were running when it came.
              assertThat(stopSent.await(20, TimeUnit.SECONDS)).isTrue();
            });

    assertThat(result.ends()).as("nothing failed or was skipped").isEmpty();
    assertThat(calls).as("only the two attempts running at the stop").hasSize(budget);
    assertThat(facts(RunFact.Kind.STARTED)).hasSize(budget);
    assertThat(facts(RunFact.Kind.COMPLETED))
        .as("the running attempts finished and were recorded")
        .containsExactlyInAnyOrderElementsOf(calls.keySet());
  }

  @Test
  void completions_that_reach_max_cost_start_no_further_task_before_any_stop_signal() {
    int budget = 2;
    spentPerAttempt = dollars("1");
    costLimitUsd = new BigDecimal("1.50");
    CountDownLatch firstWave = new CountDownLatch(budget);
    CountDownLatch thirdStarted = new CountDownLatch(1);
    onFacts =
        batch -> {
          if (facts(RunFact.Kind.STARTED).size() == 3) {
            thirdStarted.countDown();
          }
        };
    AtomicBoolean firstToEnd = new AtomicBoolean();
    WorkflowResult result =
        run(
            plan(6, budget, id -> List.of()),
            0,
            order -> {
              if (firstWave.getCount() == 0) {
                return; // the task started after the first completion
              }
              firstWave.countDown();
              assertThat(firstWave.await(20, TimeUnit.SECONDS)).isTrue();
              if (!firstToEnd.compareAndSet(false, true)) {
                // $1 spent, under the limit: the freed slot takes the next task. This one ends
                // once it has, and brings the spending to $2. No stop signal comes at all.
                assertThat(thirdStarted.await(20, TimeUnit.SECONDS)).isTrue();
              }
            });

    assertThat(result.ends()).isEmpty();
    assertThat(calls)
        .as("the two tasks that reached the limit and the one started before it was reached")
        .hasSize(3);
    assertThat(facts(RunFact.Kind.STARTED)).hasSize(3);
    assertThat(facts(RunFact.Kind.COMPLETED)).containsExactlyInAnyOrderElementsOf(calls.keySet());
  }

  @Test
  void what_failed_attempts_spent_counts_against_max_cost_in_exact_decimals() {
    spentPerAttempt = dollars("0.10");
    // In doubles 0.7 + 0.1 is 0.7999999999999999, under the limit.
    costLimitUsd = new BigDecimal("0.80");
    AtomicInteger attempts = new AtomicInteger();
    WorkflowResult result =
        run(
            plan(5, 1, id -> List.of()),
            1,
            order -> {
              if (attempts.incrementAndGet() == 1) {
                // The first attempt fails after spending $0.70; its retry completes: $0.80.
                throw ApplicationFailure.newNonRetryableFailure(
                    "agent failed",
                    TaskActivity.AGENT_FAILURE,
                    record(order, "agent failed", dollars("0.70")),
                    true);
              }
            });

    assertThat(result.ends()).isEmpty();
    assertThat(attempts.get()).as("the failed attempt and its retry, nothing after").isEqualTo(2);
    assertThat(calls).hasSize(1);
  }

  @Test
  void the_spending_is_carried_into_continued_runs() {
    spentPerAttempt = dollars("1");
    costLimitUsd = new BigDecimal("20.50");
    WorkflowResult result = run(plan(40, 1, id -> List.of()), 0, 100, order -> {});

    System.out.println("40 tasks, $1 each, limit $20.50: " + result.runs() + " runs");
    assertThat(result.runs()).as("runs in the chain").isGreaterThanOrEqualTo(3);
    assertThat(calls).as("until $21 were spent, across the runs").hasSize(21);
    assertThat(result.ends()).isEmpty();
  }

  static TokenUsage dollars(String cost) {
    return new TokenUsage(0, 100, 0, 0, new BigDecimal(cost));
  }

  @Test
  void a_cancel_cancels_the_running_attempts_and_starts_nothing_more() {
    int budget = 2;
    CountDownLatch firstWave = new CountDownLatch(budget);
    AtomicBoolean cancelSending = new AtomicBoolean();
    Set<String> sawCancellation = ConcurrentHashMap.newKeySet();
    WorkflowResult result =
        run(
            plan(6, budget, id -> List.of()),
            0,
            order -> {
              firstWave.countDown();
              assertThat(firstWave.await(20, TimeUnit.SECONDS)).isTrue();
              if (cancelSending.compareAndSet(false, true)) {
                // What the coordinator sends on Ctrl-C.
                environment
                    .getWorkflowClient()
                    .newWorkflowStub(
                        RunWorkflow.class, Activity.getExecutionContext().getInfo().getWorkflowId())
                    .cancel();
              }
              // As a worker's attempt: heartbeats until the cancellation reaches it, then ends.
              long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
              while (System.nanoTime() < deadline) {
                try {
                  Activity.getExecutionContext().heartbeat(null);
                } catch (ActivityCanceledException e) {
                  sawCancellation.add(order.taskId());
                  throw ApplicationFailure.newNonRetryableFailure(
                      "cancelled",
                      TaskActivity.AGENT_FAILURE,
                      new AttemptRecord(
                          order.attempt(),
                          order.slot(),
                          5,
                          9,
                          "cancelled",
                          "cancelled",
                          "w:1",
                          EXECUTOR,
                          null),
                      false);
                }
                Thread.sleep(50);
              }
              throw new IllegalStateException("the attempt was never cancelled");
            });

    assertThat(sawCancellation).as("each running attempt saw the cancellation").hasSize(budget);
    assertThat(calls).as("nothing started after the cancel").hasSize(budget);
    assertThat(result.ends()).as("nothing failed or was skipped").isEmpty();
    assertThat(facts(RunFact.Kind.COMPLETED)).isEmpty();
    assertThat(facts(RunFact.Kind.CANCELLED)).containsExactlyInAnyOrderElementsOf(calls.keySet());
    assertThat(facts.stream().filter(f -> f.kind() == RunFact.Kind.CANCELLED))
        .as("the worker's record of the attempt, as cancelled")
        .allSatisfy(
            f ->
                assertThat(f.attempts())
                    .singleElement()
                    .satisfies(
                        a -> {
                          assertThat(a.outcome()).isEqualTo("cancelled");
                          assertThat(a.worker()).isEqualTo("w:1");
                          assertThat(a.executor()).isEqualTo(EXECUTOR);
                          assertThat(a.startedAtMillis()).isEqualTo(5);
                        }));
  }

  @Test
  void a_cancel_during_a_retry_backoff_ends_the_task_without_a_further_attempt() {
    AtomicBoolean cancelSending = new AtomicBoolean();
    // The coordinator cancels as it records the retry, while the run waits out the backoff.
    onFacts =
        batch -> {
          if (batch.stream().anyMatch(f -> f.kind() == RunFact.Kind.RETRYING)) {
            environment
                .getWorkflowClient()
                .newWorkflowStub(
                    RunWorkflow.class, Activity.getExecutionContext().getInfo().getWorkflowId())
                .cancel();
          }
        };
    WorkflowResult result =
        run(
            plan(1, 1, id -> List.of()),
            3,
            order -> {
              if (cancelSending.compareAndSet(false, true)) {
                // The first attempt fails; the cancel comes while the run waits to retry (60 s).
                throw agentFailure(order, true);
              }
              throw new IllegalStateException("a second attempt started after the cancel");
            });

    assertThat(calls.get("task_1").get()).as("no attempt after the cancel").isOne();
    assertThat(result.ends()).isEmpty();
    assertThat(facts(RunFact.Kind.RETRYING)).containsExactly("task_1");
    assertThat(facts.stream().filter(f -> f.kind() == RunFact.Kind.CANCELLED))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.attempts())
                    .as("only the failed attempt, as locally")
                    .extracting(AttemptRecord::outcome)
                    .containsExactly("failed"));
  }

  @Test
  void a_failed_task_skips_its_dependents_and_not_the_others() {
    Map<String, List<String>> dependencies = new LinkedHashMap<>();
    dependencies.put("task_2", List.of("task_1"));
    dependencies.put("task_3", List.of("task_2"));
    WorkflowResult result =
        run(
            plan(4, 2, id -> dependencies.getOrDefault(id, List.of())),
            3,
            order -> {
              if (order.taskId().equals("task_1")) {
                throw agentFailure(order, false);
              }
            });

    assertThat(calls.get("task_1").get()).as("a permanent failure is not retried").isOne();
    assertThat(facts(RunFact.Kind.FAILED)).containsExactly("task_1");
    assertThat(facts(RunFact.Kind.SKIPPED)).containsExactlyInAnyOrder("task_2", "task_3");
    assertThat(facts(RunFact.Kind.COMPLETED)).containsExactly("task_4");
    assertThat(facts(RunFact.Kind.STARTED)).doesNotContain("task_2", "task_3");
    assertThat(result.ends())
        .extracting(RunFact::taskId)
        .containsExactlyInAnyOrder("task_1", "task_2", "task_3");
  }

  @Test
  void a_retryable_failure_is_retried_after_the_backoff_up_to_the_retries() {
    WorkflowResult result =
        run(
            plan(1, 1, id -> List.of()),
            2,
            order -> {
              if (order.attempt() < 3) {
                throw agentFailure(order, true);
              }
            });

    assertThat(result.ends()).isEmpty();
    assertThat(calls.get("task_1").get()).isEqualTo(3);
    assertThat(facts.stream().filter(f -> f.kind() == RunFact.Kind.RETRYING))
        .extracting(RunFact::attempt, RunFact::backoffMillis)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 60_000L),
            org.assertj.core.groups.Tuple.tuple(2, 120_000L));
    RunFact completed =
        facts.stream().filter(f -> f.kind() == RunFact.Kind.COMPLETED).findFirst().orElseThrow();
    assertThat(completed.attempts()).extracting(AttemptRecord::number).containsExactly(1, 2, 3);
    assertThat(completed.attempts())
        .as("each attempt says what the worker ran it with, failed ones too")
        .extracting(AttemptRecord::executor)
        .containsOnly(EXECUTOR);
  }

  @Test
  void retries_end_with_the_last_error_once_they_are_used_up() {
    WorkflowResult result =
        run(
            plan(1, 1, id -> List.of()),
            1,
            order -> {
              throw agentFailure(order, true);
            });

    assertThat(calls.get("task_1").get()).isEqualTo(2);
    assertThat(result.ends())
        .singleElement()
        .satisfies(
            end -> {
              assertThat(end.kind()).isEqualTo(RunFact.Kind.FAILED);
              assertThat(end.error()).isEqualTo("agent failed (after 2 attempts)");
              assertThat(end.attempts()).hasSize(2);
            });
  }

  @Test
  void an_attempt_whose_worker_stops_heartbeating_goes_to_another_attempt() {
    Set<Integer> seen = Collections.newSetFromMap(new ConcurrentHashMap<>());
    WorkflowResult result =
        run(
            plan(1, 1, id -> List.of()),
            0,
            order -> {
              int temporalAttempt =
                  io.temporal.activity.Activity.getExecutionContext().getInfo().getAttempt();
              seen.add(temporalAttempt);
              if (temporalAttempt == 1) {
                // A lost worker: no heartbeat, no result. The environment skips the wait.
                environment.sleep(Duration.ofSeconds(5));
              }
            });

    assertThat(result.ends()).isEmpty();
    assertThat(seen).contains(1, 2);
    assertThat(facts(RunFact.Kind.COMPLETED)).containsExactly("task_1");
  }

  /** Three chains of 20 tasks: each task needs the files of every earlier task in its chain. */
  static Plan chains(int budget) {
    return plan(
        60, budget, id -> chained(id) > 3 ? List.of("task_" + (chained(id) - 3)) : List.of());
  }

  static int chained(String id) {
    return Integer.parseInt(id.substring("task_".length()));
  }

  /**
   * Which run of the chain the current attempt belongs to, by its run id, in order of appearance.
   */
  final List<String> runIds = new CopyOnWriteArrayList<>();

  int runOfThisAttempt() {
    String runId = Activity.getExecutionContext().getInfo().getWorkflowRunId();
    synchronized (runIds) {
      if (!runIds.contains(runId)) {
        runIds.add(runId);
      }
      return runIds.indexOf(runId) + 1;
    }
  }

  RunWorkflow byId() {
    return environment
        .getWorkflowClient()
        .newWorkflowStub(
            RunWorkflow.class, Activity.getExecutionContext().getInfo().getWorkflowId());
  }

  @Test
  void a_full_history_continues_as_new_and_every_task_runs_once_within_the_budget() {
    int budget = 3;
    Map<String, Integer> dependencyFiles = new ConcurrentHashMap<>();
    WorkflowResult result =
        run(
            chains(budget),
            0,
            150,
            order -> {
              runOfThisAttempt();
              // What a worker asks the run it works for: the files of the task's dependencies,
              // which a continued run carries over from the runs before it.
              dependencyFiles.put(
                  order.taskId(),
                  DependencyPages.collect(
                          (bundle, offset) -> byId().dependencies(order.taskId(), bundle, offset))
                      .size());
            });

    System.out.println("60 tasks, history limit 150 events: " + result.runs() + " runs");
    assertThat(result.runs()).as("runs in the chain").isGreaterThanOrEqualTo(3);
    assertThat(runIds).hasSize(result.runs());
    assertThat(result.ends()).isEmpty();
    assertThat(peak.get()).isBetween(1, budget);
    assertThat(calls).hasSize(60).allSatisfy((id, count) -> assertThat(count.get()).isOne());
    assertThat(facts(RunFact.Kind.COMPLETED)).hasSize(60).doesNotHaveDuplicates();
    assertThat(facts(RunFact.Kind.QUEUED))
        .as("a task is announced ready once, whichever run it starts in")
        .hasSize(60)
        .doesNotHaveDuplicates();
    assertThat(dependencyFiles)
        .hasSize(60)
        .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo((chained(id) - 1) / 3));
    List<String> ledger = facts.stream().map(f -> f.kind() + " " + f.taskId()).toList();
    for (int i = 4; i <= 60; i++) {
      assertThat(ledger.indexOf("COMPLETED task_" + (i - 3)))
          .as("the ledger hears task_%d complete before its dependent starts", i - 3)
          .isLessThan(ledger.indexOf("STARTED task_" + i));
    }
  }

  @Test
  void a_failure_skips_its_dependents_across_continued_runs() {
    WorkflowResult result =
        run(
            chains(2),
            0,
            100,
            order -> {
              runOfThisAttempt();
              if (order.taskId().equals("task_2")) {
                throw agentFailure(order, false);
              }
            });

    List<String> secondChain = new ArrayList<>();
    for (int i = 5; i <= 60; i += 3) {
      secondChain.add("task_" + i);
    }
    assertThat(result.runs()).isGreaterThanOrEqualTo(3);
    assertThat(facts(RunFact.Kind.FAILED)).containsExactly("task_2");
    assertThat(facts(RunFact.Kind.SKIPPED)).containsExactlyInAnyOrderElementsOf(secondChain);
    assertThat(calls.keySet()).doesNotContainAnyElementsOf(secondChain).hasSize(41);
    assertThat(facts(RunFact.Kind.COMPLETED)).hasSize(40).doesNotHaveDuplicates();
    assertThat(result.ends())
        .as("the last run reports the ends of every run")
        .extracting(RunFact::taskId)
        .containsExactlyInAnyOrderElementsOf(
            Stream.concat(Stream.of("task_2"), secondChain.stream()).toList());
  }

  @Test
  void a_stop_after_a_continue_as_new_reaches_the_latest_run() {
    int budget = 3;
    AtomicBoolean stopSending = new AtomicBoolean();
    CountDownLatch stopSent = new CountDownLatch(1);
    Map<Integer, AtomicInteger> attemptsByRun = new ConcurrentHashMap<>();
    WorkflowResult result =
        run(
            chains(budget),
            0,
            150,
            order -> {
              int run = runOfThisAttempt();
              attemptsByRun.computeIfAbsent(run, r -> new AtomicInteger()).incrementAndGet();
              if (run == 2) {
                if (stopSending.compareAndSet(false, true)) {
                  // Sent by workflow id, as the coordinator sends it: the latest run receives it.
                  byId().stop();
                  stopSent.countDown();
                }
                // The second run's attempts end after the stop, as attempts running when it came.
                assertThat(stopSent.await(20, TimeUnit.SECONDS)).isTrue();
              }
            });

    assertThat(result.runs()).as("the stopped run is the last").isEqualTo(2);
    assertThat(attemptsByRun.get(2).get())
        .as("the second run starts nothing after the stop")
        .isBetween(1, budget);
    assertThat(calls.size()).isLessThan(60);
    assertThat(calls).allSatisfy((id, count) -> assertThat(count.get()).isOne());
    assertThat(facts(RunFact.Kind.COMPLETED))
        .as("the attempts running at the stop finished and were recorded")
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(calls.keySet());
    assertThat(result.ends()).as("nothing failed or was skipped").isEmpty();
  }

  static Plan plan(int size, int budget, Function<String, List<String>> dependenciesOf) {
    List<Task> tasks = new ArrayList<>();
    Map<String, List<String>> dependencies = new LinkedHashMap<>();
    for (int i = 1; i <= size; i++) {
      String id = "task_" + i;
      tasks.add(
          new Task(
              id,
              "Component " + i,
              "builds component " + i,
              1,
              Effort.MEDIUM,
              Duration.ofMinutes(30),
              List.of("works"),
              List.of("src/c" + i + "/**")));
      if (!dependenciesOf.apply(id).isEmpty()) {
        dependencies.put(id, dependenciesOf.apply(id));
      }
    }
    return new Plan(
        "a test plan",
        new Complexity(10, "test", List.of(), List.of()),
        budget,
        Plan.TASK_QUEUE,
        tasks,
        dependencies,
        "",
        "",
        null);
  }
}
