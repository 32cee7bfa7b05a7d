package dev.orchestrator.temporal;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import dev.orchestrator.cli.Cli;
import dev.orchestrator.llm.fake.FakeModelServer;
import dev.orchestrator.llm.fake.Reply;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.run.Plans;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.client.WorkflowNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --engine temporal} end to end: Temporal's test server on a port of 127.0.0.1, workers as
 * separate JVMs running {@code orchestrator worker}, the coordinator as the command line in this
 * JVM.
 */
@Timeout(180)
class TemporalEngineTest {

  static final String SHARED_QUEUE = "shared";

  @TempDir static Path shared;
  static Workers server;

  @TempDir Path temp;
  Workers ownWorkers;

  @BeforeAll
  static void startServerAndThreeWorkers() throws IOException {
    server = Workers.startServer(shared);
    for (String name : List.of("w1", "w2", "w3")) {
      server.start(name, SHARED_QUEUE, "-m", "2", "--simulate-delay", "400ms");
    }
  }

  @AfterAll
  static void stopWorkersAndServer() {
    server.close();
  }

  @AfterEach
  void killOwnWorkers() {
    if (ownWorkers != null) {
      ownWorkers.close();
    }
  }

  @Test
  void a_plan_completes_with_the_same_consolidated_output_as_a_local_run() throws Exception {
    Path plan = write(layered(20, 3));
    Path local = temp.resolve("local");
    Path remote = temp.resolve("remote");
    assertThat(cli("run", "--plan", plan, "-o", local, "--simulate-delay", "0ms").exitCode)
        .isZero();

    Outcome outcome =
        cli(
            "run",
            "--plan",
            plan,
            "-o",
            remote,
            "--engine",
            "temporal",
            "--temporal",
            server.target(),
            "--task-queue",
            SHARED_QUEUE);

    assertThat(outcome.exitCode).as(outcome.out).isZero();
    assertThat(outcome.out)
        .contains("20/20 tasks completed")
        .as("the workers' executors were simulated")
        .contains("This was a simulation");
    assertThat(summary(remote).get("executor"))
        .isEqualTo(Json.mapper().readTree("{\"kind\": \"simulated\", \"model\": null}"));
    assertThat(tree(remote)).isEqualTo(tree(local));
    assertThat(completions(remote))
        .hasSize(20)
        .allSatisfy((task, count) -> assertThat(count).as(task).isOne());
    assertThat(summary(remote).get("tasks"))
        .allSatisfy(task -> assertThat(task.at("/details/worker").asText()).matches(".+:\\d+"))
        .allSatisfy(
            task -> assertThat(task.at("/attempt_history/0/worker").asText()).matches(".+:\\d+"));
    assertThat(Files.readString(remote.resolve("report.html")))
        .as("the report's lanes name the worker of each attempt")
        .containsPattern("data-worker=\"[^\"]+:\\d+\"")
        .contains("ran on worker ");
    assertThat(Files.readString(local.resolve("report.html"))).doesNotContain("data-worker");
  }

  @Test
  void a_run_whose_history_fills_continues_as_new_and_the_coordinator_follows_it()
      throws Exception {
    Path plan = write(layered(30, 3));
    Path local = temp.resolve("local");
    Path remote = temp.resolve("chained");
    assertThat(cli("run", "--plan", plan, "-o", local, "--simulate-delay", "0ms").exitCode)
        .isZero();

    Outcome outcome;
    System.setProperty(TemporalEngine.HISTORY_EVENTS_PROPERTY, "120");
    try {
      outcome =
          cli(
              "run",
              "--plan",
              plan,
              "-o",
              remote,
              "--temporal",
              server.target(),
              "--task-queue",
              SHARED_QUEUE);
    } finally {
      System.clearProperty(TemporalEngine.HISTORY_EVENTS_PROPERTY);
    }

    assertThat(outcome.exitCode).as(outcome.out).isZero();
    assertThat(outcome.out).contains("30/30 tasks completed");
    String runs = log(remote).replaceAll("(?s).*ended after (\\d+) run\\(s\\).*", "$1");
    System.out.println("30 tasks, history limit 120 events: " + runs + " runs");
    assertThat(Integer.parseInt(runs)).isGreaterThan(1);
    assertThat(tree(remote)).isEqualTo(tree(local));
    assertThat(completions(remote))
        .hasSize(30)
        .allSatisfy((task, count) -> assertThat(count).as(task).isOne());
    assertThat(peakConcurrency(summary(remote))).isBetween(1, 3);
  }

  @Test
  void the_budget_holds_across_workers_that_could_run_more() throws Exception {
    // Three workers could run six attempts at once; the plan's budget is three.
    Path plan = write(independent(9, 3));
    Path remote = temp.resolve("budget");

    Outcome outcome =
        cli(
            "run",
            "--plan",
            plan,
            "-o",
            remote,
            "--temporal",
            server.target(),
            "--task-queue",
            SHARED_QUEUE);

    assertThat(outcome.exitCode).as(outcome.out).isZero();
    int peak = peakConcurrency(summary(remote));
    System.out.println("peak concurrency with M=3 on 3 workers x 2: " + peak);
    assertThat(peak).isBetween(2, 3);
    assertThat(workers(summary(remote))).as("attempts spread over workers").hasSizeGreaterThan(1);
  }

  /**
   * The killed worker runs attempts but not the workflow: a worker in this JVM hosts it. The test
   * server keeps a workflow's tasks and queries on the sticky queue of the worker that last ran it,
   * forever; a real server moves them to the shared queue once that worker stops polling (the
   * sticky schedule-to-start timeout, 5 s). Killing the host here would stall the run on the test
   * server only: the survivor's attempts would wait on their query for the plan, as they did when
   * this test was flaky.
   */
  @Test
  void a_worker_killed_mid_task_loses_nothing_its_task_completes_on_another() throws Exception {
    ownWorkers = Workers.startServer(temp);
    ownWorkers.hostWorkflows("kill");
    Path plan = write(layered(8, 2));
    Path reference = temp.resolve("reference");
    assertThat(cli("run", "--plan", plan, "-o", reference, "--simulate-delay", "0ms").exitCode)
        .isZero();
    Path remote = temp.resolve("killed");
    CompletableFuture<Outcome> coordinator =
        CompletableFuture.supplyAsync(
            () ->
                cli(
                    "run",
                    "--plan",
                    plan,
                    "-o",
                    remote,
                    "--temporal",
                    ownWorkers.target(),
                    "--task-queue",
                    "kill",
                    "--heartbeat-timeout",
                    "3s"));
    await()
        .atMost(60, SECONDS)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> log(remote).contains("started task_"));
    String workflowId = TemporalRunRecord.read(remote).orElseThrow().workflowId();
    Process doomed = ownWorkers.start("doomed", "kill", "-m", "2", "--simulate-delay", "20s");
    String doomedWorker = workerOf(ownWorkers.log("doomed"));
    await()
        .atMost(60, SECONDS)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                ownWorkers.pendingActivities(workflowId).stream()
                    .anyMatch(
                        a ->
                            a.getLastWorkerIdentity().equals(doomedWorker)
                                && a.hasLastHeartbeatTime()));

    doomed.destroyForcibly().waitFor(); // SIGKILL in the middle of an attempt that heartbeat
    Instant killed = Instant.now();
    ownWorkers.start("survivor", "kill", "-m", "2", "--simulate-delay", "200ms");
    Outcome outcome;
    try {
      outcome = coordinator.get(120, SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(
          "the run did not end; survivor:\n"
              + ownWorkers.log("survivor")
              + "\nrun log:\n"
              + log(remote)
              + "\nworkflow:\n"
              + ownWorkers.describe(workflowId),
          e);
    }

    System.out.println("--- coordinator, worker " + doomedWorker + " SIGKILLed at " + killed);
    System.out.println(outcome.out);
    assertThat(outcome.exitCode).as(outcome.out).isZero();
    assertThat(completions(remote))
        .as("every task completed exactly once")
        .hasSize(8)
        .allSatisfy((task, count) -> assertThat(count).as(task).isOne());
    assertThat(workers(summary(remote)))
        .as("everything was finished by the survivor")
        .containsOnlyKeys(workerOf(ownWorkers.log("survivor")));
    // At least one: a worker starved of CPU may also miss a heartbeat before it is killed.
    assertThat(summary(remote).get("tasks"))
        .as("the attempts the kill interrupted say so")
        .anySatisfy(task -> assertThat(task.at("/details/lost_workers").asInt()).isPositive());
    assertThat(tree(remote)).isEqualTo(tree(reference));
  }

  @Test
  void a_coordinator_killed_mid_run_is_replaced_by_resume_which_attaches_and_finishes()
      throws Exception {
    ownWorkers = Workers.startServer(temp);
    ownWorkers.start("steady", "resume", "-m", "2", "--simulate-delay", "300ms");
    Path plan = write(layered(16, 2));
    Path remote = temp.resolve("orphaned");
    Process coordinator =
        ownWorkers.orchestrator(
            "first-coordinator",
            List.of(
                "run",
                "--plan",
                plan.toString(),
                "-o",
                remote.toString(),
                "--task-queue",
                "resume"));
    await()
        .atMost(60, SECONDS)
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                Files.exists(remote.resolve(".orchestrator/journal.jsonl"))
                    && completions(remote).size() >= 3);
    coordinator.destroyForcibly().waitFor(); // SIGKILL: the workflow goes on without it

    Outcome resumed = cli("resume", remote, "--temporal", ownWorkers.target());

    assertThat(resumed.exitCode).as(resumed.out + resumed.err).isZero();
    assertThat(log(remote)).contains("attaching to the running workflow");
    assertThat(completions(remote))
        .as("every task completed exactly once across both coordinators")
        .hasSize(16)
        .allSatisfy((task, count) -> assertThat(count).as(task).isOne());
  }

  @Test
  void ctrl_c_on_the_coordinator_cancels_the_running_attempts_writes_the_summary_and_exits_130()
      throws Exception {
    ownWorkers = Workers.startServer(temp);
    // Attempts that would take a minute: only a cancellation ends them sooner.
    ownWorkers.start("slow", "cancel", "-m", "2", "--simulate-delay", "60s");
    Path plan = write(independent(6, 2));
    Path remote = temp.resolve("cancelled");
    Process coordinator =
        ownWorkers.orchestrator(
            "coordinator",
            List.of(
                "run",
                "--plan",
                plan.toString(),
                "-o",
                remote.toString(),
                "--task-queue",
                "cancel"));
    await()
        .atMost(60, SECONDS)
        .pollInterval(Duration.ofMillis(50))
        .alias("two attempts running")
        .ignoreException(WorkflowNotFoundException.class)
        .until(
            () ->
                TemporalRunRecord.read(remote)
                    .map(r -> ownWorkers.pendingActivities(r.workflowId()))
                    .filter(
                        pending ->
                            pending.stream()
                                    .filter(
                                        a -> a.getActivityType().getName().equals("AttemptTask"))
                                    .filter(
                                        a ->
                                            a.getState()
                                                == PendingActivityState
                                                    .PENDING_ACTIVITY_STATE_STARTED)
                                    .count()
                                == 2)
                    .isPresent());
    long interrupted = System.nanoTime();

    coordinator.destroy(); // SIGTERM, which the command line takes as Ctrl-C

    assertThat(coordinator.waitFor(30, SECONDS)).isTrue();
    Duration took = Duration.ofNanos(System.nanoTime() - interrupted);
    String console = ownWorkers.log("coordinator");
    assertThat(coordinator.exitValue()).as(console).isEqualTo(130);
    assertThat(took)
        .as("ended long before the attempts would have")
        .isLessThan(Duration.ofSeconds(20));
    assertThat(log(remote))
        .contains("asked workflow", "to cancel its running tasks", "ended after");
    JsonNode summary = summary(remote);
    assertThat(summary.get("not_started").asInt())
        .as("cancelled tasks count as not started")
        .isEqualTo(6);
    assertThat(summary.get("failed").asInt()).as("cancelled tasks are not failures").isZero();
    List<JsonNode> cancelled = new ArrayList<>();
    summary
        .get("tasks")
        .forEach(
            task ->
                task.get("attempt_history")
                    .forEach(
                        a -> {
                          if (a.get("outcome").asText().equals("cancelled")) {
                            cancelled.add(a);
                          }
                        }));
    assertThat(cancelled)
        .as("the two running attempts, cancelled on their worker")
        .hasSize(2)
        .allSatisfy(a -> assertThat(a.get("worker").asText()).matches(".+:\\d+"));
    assertThat(Files.exists(remote.resolve("report.html"))).isTrue();
  }

  /**
   * The workers hold the key and the model; the coordinator has neither, only {@code --max-cost}.
   * Each task is one model request whose reply is 100 output tokens, at $0.01 a token: $1 a task.
   * The limit of $1.50 is reached when the second task completes; the attempt running then finishes
   * and is kept. The workflow counts what each attempt's worker measured as its result arrives, so
   * it starts no task after the second completion, whenever the coordinator's stop signal comes: at
   * most one task starts besides the two, after the first completion, when $1 is spent.
   */
  @Test
  void max_cost_counts_the_workers_model_requests_and_stops_the_run_as_a_local_one()
      throws Exception {
    ownWorkers = Workers.startServer(temp);
    Path prices = temp.resolve("prices.json");
    Files.writeString(
        prices,
        "{\"models\": {\"claude-metered-1\": {\"input\": 0, \"output\": 10000,"
            + " \"cache_read\": 0, \"cache_write\": 0}}}");
    try (FakeModelServer model =
        FakeModelServer.start(
            "sk-worker-only-key",
            call -> {
              Thread.sleep(300); // a model takes a while: the stop has time to arrive
              return Reply.text(hundredTokens(call.firstUserText()));
            })) {
      ownWorkers.start(
          "priced",
          "costly",
          Map.of("ANTHROPIC_API_KEY", "sk-worker-only-key"),
          "-m",
          "2",
          "--executor",
          "llm",
          "--provider",
          "anthropic",
          "--base-url",
          model.url(),
          "--model",
          "claude-metered-1",
          "--price-table",
          prices.toString());
      Path plan = write(independent(6, 2));
      Path remote = temp.resolve("costly");
      Map<String, String> noKeys = new TreeMap<>();
      for (String variable : List.of("ANTHROPIC_API_KEY", "OPENAI_API_KEY", "XDG_CONFIG_HOME")) {
        noKeys.put(variable, "");
      }
      noKeys.put("HOME", Files.createDirectory(temp.resolve("home")).toString());
      Process coordinator =
          ownWorkers.orchestrator(
              "coordinator",
              List.of(
                  "run",
                  "--verbose",
                  "--plan",
                  plan.toString(),
                  "-o",
                  remote.toString(),
                  "--task-queue",
                  "costly",
                  "--max-cost",
                  "1.50"),
              noKeys);

      assertThat(coordinator.waitFor(60, SECONDS)).isTrue();
      String console = ownWorkers.log("coordinator");
      System.out.println("--- coordinator, --max-cost 1.50, $1 a task, M = 2");
      System.out.println(console);
      assertThat(coordinator.exitValue()).as(console).isEqualTo(Cli.TASKS_FAILED);
      JsonNode summary = summary(remote);
      int completed = summary.get("completed").asInt();
      assertThat(completed)
          .as("the two tasks that reached the limit, and at most one started before it was reached")
          .isBetween(2, 3);
      assertThat(summary.get("not_started").asInt()).isEqualTo(6 - completed);
      assertThat(summary.get("failed").asInt()).isZero();
      assertThat(summary.get("tasks"))
          .filteredOn(task -> task.get("status").asText().equals("completed"))
          .allSatisfy(
              task ->
                  assertThat(task.get("cost_usd").decimalValue())
                      .isEqualByComparingTo(BigDecimal.ONE));
      assertThat(summary.get("cost_usd").decimalValue())
          .isEqualByComparingTo(BigDecimal.valueOf(completed));
      assertThat(model.answered())
          .as("no model request beyond the completed tasks'")
          .hasSize(completed);
      String reached = "the model requests have cost \\$2(\\.0+)?, reaching the limit of \\$1.50";
      assertThat(console)
          .containsPattern(reached)
          .contains(completed + "/6 tasks completed, 0 failed, 0 skipped")
          .contains((6 - completed) + " not started");
      assertThat(log(remote)).containsPattern(reached);
      assertThat(summary.get("executor"))
          .as("what the workers ran, not the coordinator's own (simulated) default")
          .isEqualTo(
              Json.mapper().readTree("{\"kind\": \"llm\", \"model\": \"claude-metered-1\"}"));
      assertThat(console).doesNotContain("This was a simulation");
      assertThat(Files.readString(remote.resolve("README.md")))
          .contains("- Executor: llm (claude-metered-1)")
          .doesNotContain("This is a simulation");
      assertThat(Files.readString(remote.resolve("report.html")))
          .contains("Executor: llm (claude-metered-1)")
          .doesNotContain("Simulated executors");
      String history =
          ownWorkers.describe(TemporalRunRecord.read(remote).orElseThrow().workflowId());
      String[] aroundStop = history.split("EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED", -1);
      assertThat(aroundStop).as("one stop signal:\n" + history).hasSize(2);
      assertThat(aroundStop[0])
          .as("the history names the attempts it scheduled:\n" + history)
          .containsPattern("ACTIVITY_TASK_SCHEDULED costly\\b");
      assertThat(aroundStop[1])
          .as("after the stop the workflow scheduled no attempt:\n" + history)
          .doesNotContainPattern("ACTIVITY_TASK_SCHEDULED costly\\b");
    }
  }

  /**
   * A failed attempt's model requests are paid all the same: its worker reports their cost with the
   * attempt, and the summary counts it as a local run does (it was missing on Temporal).
   */
  @Test
  void a_failed_attempts_cost_counts_in_the_summary() throws Exception {
    ownWorkers = Workers.startServer(temp);
    Path prices = temp.resolve("prices.json");
    Files.writeString(
        prices,
        "{\"models\": {\"claude-metered-1\": {\"input\": 0, \"output\": 10000,"
            + " \"cache_read\": 0, \"cache_write\": 0}}}");
    // 100 output tokens and no file: $1, and the task does not finish in its one turn.
    try (FakeModelServer model =
        FakeModelServer.start("sk-worker-only-key", call -> Reply.text("#".repeat(400)))) {
      ownWorkers.start(
          "priced",
          "failing",
          Map.of("ANTHROPIC_API_KEY", "sk-worker-only-key"),
          "-m",
          "1",
          "--executor",
          "llm",
          "--provider",
          "anthropic",
          "--base-url",
          model.url(),
          "--model",
          "claude-metered-1",
          "--price-table",
          prices.toString(),
          "--max-turns",
          "1");
      Path plan = write(independent(1, 1));
      Path remote = temp.resolve("failing");
      Process coordinator =
          ownWorkers.orchestrator(
              "coordinator",
              List.of(
                  "run",
                  "--plan",
                  plan.toString(),
                  "-o",
                  remote.toString(),
                  "--task-queue",
                  "failing"),
              Map.of("HOME", Files.createDirectory(temp.resolve("home")).toString()));

      assertThat(coordinator.waitFor(60, SECONDS)).isTrue();
      String console = ownWorkers.log("coordinator");
      assertThat(coordinator.exitValue()).as(console).isEqualTo(Cli.TASKS_FAILED);
      JsonNode summary = summary(remote);
      assertThat(summary.get("failed").asInt()).as(console).isOne();
      assertThat(model.answered()).hasSize(1);
      assertThat(summary.get("tasks").get(0).get("cost_usd").decimalValue())
          .isEqualByComparingTo(BigDecimal.ONE);
      assertThat(summary.get("cost_usd").decimalValue()).isEqualByComparingTo(BigDecimal.ONE);
    }
  }

  /** A fenced file of the task's own, 400 characters: 100 output tokens in the fake's count. */
  static String hundredTokens(String prompt) {
    String id = prompt.replaceAll("(?s)^# Your task: task_(\\d+).*", "$1");
    String reply = "```python path=src/c" + id + "/main.py\nprint('component " + id + "')\n```\n";
    return reply + "#".repeat(400 - reply.length());
  }

  @Test
  void an_unreachable_server_is_a_clear_error_and_exit_2_within_seconds() throws Exception {
    Path plan = write(independent(2, 1));
    String nobody = "127.0.0.1:" + Workers.freePort();
    long start = System.nanoTime();

    // Side by side: each waits out the connection timeout.
    CompletableFuture<Outcome> workerCall =
        CompletableFuture.supplyAsync(() -> cli("worker", "--temporal", nobody));
    Outcome run = cli("run", "--plan", plan, "-o", temp.resolve("x"), "--temporal", nobody);
    Outcome worker = workerCall.get(60, SECONDS);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    assertThat(run.exitCode).isEqualTo(Cli.USAGE);
    assertThat(run.err).contains("cannot reach the Temporal server at " + nobody);
    assertThat(worker.exitCode).isEqualTo(Cli.USAGE);
    assertThat(worker.err).contains("cannot reach the Temporal server at " + nobody);
  }

  @Test
  void the_temporal_engine_needs_a_server_address() throws Exception {
    Outcome outcome =
        cli(
            "run",
            "--plan",
            write(independent(1, 1)),
            "-o",
            temp.resolve("y"),
            "--engine",
            "temporal");

    assertThat(outcome.exitCode).isEqualTo(Cli.USAGE);
    assertThat(outcome.err)
        .contains("--engine temporal needs the server: add --temporal HOST:PORT");
  }

  record Outcome(int exitCode, String out, String err) {}

  static Outcome cli(Object... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] strings = Stream.of(args).map(Object::toString).toArray(String[]::new);
    int code = Cli.execute(strings, new PrintWriter(out, true), new PrintWriter(err, true), false);
    return new Outcome(code, out.toString(), err.toString());
  }

  Path write(Plan plan) throws IOException {
    Path file = Files.createTempFile(temp, "plan", ".json");
    PlanJson.write(plan, file);
    return file;
  }

  static String log(Path run) throws IOException {
    Path log = run.resolve("orchestrator.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  static JsonNode summary(Path run) throws IOException {
    return Json.mapper().readTree(run.resolve("execution_summary.json").toFile());
  }

  static String workerOf(String workerLog) {
    return workerLog.replaceAll("(?s).*worker (\\S+) polls.*", "$1");
  }

  static Map<String, Integer> workers(JsonNode summary) {
    Map<String, Integer> counts = new TreeMap<>();
    summary
        .get("tasks")
        .forEach(t -> counts.merge(t.at("/details/worker").asText(), 1, Integer::sum));
    return counts;
  }

  /** The most attempts that ran at the same moment, from their recorded start and end. */
  static int peakConcurrency(JsonNode summary) {
    List<long[]> edges = new ArrayList<>();
    summary
        .get("tasks")
        .forEach(
            task ->
                task.get("attempt_history")
                    .forEach(
                        a -> {
                          edges.add(
                              new long[] {
                                Instant.parse(a.get("started_at").asText()).toEpochMilli(), 1
                              });
                          edges.add(
                              new long[] {
                                Instant.parse(a.get("finished_at").asText()).toEpochMilli(), -1
                              });
                        }));
    edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    int running = 0;
    int peak = 0;
    for (long[] edge : edges) {
      running += (int) edge[1];
      peak = Math.max(peak, running);
    }
    return peak;
  }

  /** Completion records per task in the journal. */
  static Map<String, Long> completions(Path run) throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    for (String line : Files.readAllLines(run.resolve(".orchestrator/journal.jsonl"))) {
      JsonNode record = Json.mapper().readTree(line);
      if (record.path("type").asText().equals("task_completed")) {
        counts.merge(record.path("task").asText(), 1L, Long::sum);
      }
    }
    return counts;
  }

  /** The consolidated project: src/, tests/ and docs/ except the run's own summary. */
  static Map<String, String> tree(Path run) throws IOException {
    Map<String, String> files = new TreeMap<>();
    for (String dir : List.of("src", "tests", "docs")) {
      try (Stream<Path> walk = Files.walk(run.resolve(dir))) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          String name = run.relativize(file).toString();
          if (!name.equals("docs/execution_summary.json")) {
            files.put(name, Files.readString(file));
          }
        }
      }
    }
    return files;
  }

  static Plan independent(int size, int budget) {
    return ReadyQueueRunTest.plan(size, budget, id -> List.of());
  }

  /** A seeded layered DAG: each task depends on up to three earlier ones. */
  static Plan layered(int size, int budget) {
    return Plans.layered(size, 7).withExecutorBudget(budget);
  }
}
