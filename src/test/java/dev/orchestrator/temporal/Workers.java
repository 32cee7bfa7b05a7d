package dev.orchestrator.temporal;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.util.Timestamps;
import dev.orchestrator.ChildJvm;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Temporal's test server on a port of 127.0.0.1 (the real gRPC API) and {@code orchestrator worker}
 * processes against it, each a JVM of its own on the test class path. Whoever starts one stops it.
 */
final class Workers implements AutoCloseable {

  private final TestServer.PortBoundTestServer server;
  private final int port;
  private final Path logs;
  private final List<Process> processes = new ArrayList<>();
  private final WorkflowServiceStubs service;
  private final WorkflowClient client;
  private final List<WorkerFactory> hosts = new ArrayList<>();

  private Workers(TestServer.PortBoundTestServer server, int port, Path logs) {
    this.server = server;
    this.port = port;
    this.logs = logs;
    this.service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target()).build());
    this.client = WorkflowClient.newInstance(service);
  }

  /** Starts a test server on a free port; worker logs go to {@code logs}. */
  static Workers startServer(Path logs) {
    int port = freePort();
    return new Workers(TestServer.createPortBoundServer(port), port, logs);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String target() {
    return "127.0.0.1:" + port;
  }

  /**
   * Starts a worker process and waits until it polls.
   *
   * @param arguments further worker options, e.g. {@code -m 2}
   */
  Process start(String name, String taskQueue, String... arguments) throws IOException {
    return start(name, taskQueue, Map.of(), arguments);
  }

  /**
   * Starts a worker process with these environment variables changed and waits until it polls.
   *
   * @param environment variables to set, or to remove where the value is empty
   */
  Process start(String name, String taskQueue, Map<String, String> environment, String... arguments)
      throws IOException {
    List<String> command = new ArrayList<>(List.of("worker", "--task-queue", taskQueue));
    command.addAll(List.of(arguments));
    Process process = orchestrator(name, command, environment);
    Path log = logs.resolve(name + ".log");
    await()
        .atMost(60, SECONDS)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> !process.isAlive() || Files.readString(log).contains(" polls "));
    if (!process.isAlive()) {
      throw new IllegalStateException("worker " + name + " died: " + Files.readString(log));
    }
    return process;
  }

  /**
   * Starts {@code orchestrator} with these arguments and {@code --temporal} as a process of its
   * own, its output in {@code <name>.log}; it is killed with the workers.
   */
  Process orchestrator(String name, List<String> arguments) throws IOException {
    return orchestrator(name, arguments, Map.of());
  }

  /**
   * {@link #orchestrator(String, List)} with these environment variables changed: set, or removed
   * where the value is empty.
   */
  Process orchestrator(String name, List<String> arguments, Map<String, String> environment)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.addAll(ChildJvm.orchestrator());
    command.addAll(arguments);
    command.addAll(List.of("--temporal", target()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(logs.resolve(name + ".log").toFile()));
    environment.forEach(
        (variable, value) -> {
          if (value.isEmpty()) {
            builder.environment().remove(variable);
          } else {
            builder.environment().put(variable, value);
          }
        });
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  /**
   * Starts, in this JVM, a worker that runs only the runs' workflows on {@code taskQueue}, never a
   * task. Once it has run a workflow's first task, the test server sends it all of that workflow's
   * tasks and queries (its sticky queue), so killing another worker never kills the workflow's
   * host.
   */
  void hostWorkflows(String taskQueue) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    factory.newWorker(taskQueue).registerWorkflowImplementationTypes(ReadyQueueRun.class);
    factory.start();
    hosts.add(factory);
  }

  /** The workflow's activities that were scheduled and have not ended. */
  List<PendingActivityInfo> pendingActivities(String workflowId) {
    return client
        .newUntypedWorkflowStub(workflowId)
        .describe()
        .getRawDescription()
        .getPendingActivitiesList();
  }

  /**
   * Each run of a workflow's continue-as-new chain, first to last: its history's events, its
   * history's bytes, and the bytes of the input it started with.
   */
  List<long[]> chain(String workflowId) {
    List<long[]> runs = new ArrayList<>();
    String runId = "";
    do {
      var history =
          runId.isEmpty()
              ? client.fetchHistory(workflowId).getHistory()
              : client.fetchHistory(workflowId, runId).getHistory();
      var started = history.getEvents(0).getWorkflowExecutionStartedEventAttributes();
      runs.add(
          0,
          new long[] {
            history.getEventsCount(),
            history.getSerializedSize(),
            started.getInput().getSerializedSize()
          });
      runId = started.getContinuedExecutionRunId();
    } while (!runId.isEmpty());
    return runs;
  }

  /**
   * The workflow's history and pending activities, one line each: for an event its id, the
   * milliseconds since the first event, its type, and the queue or worker of a task; for an
   * activity its state, attempt and last worker. What a test prints when a run does not end.
   */
  String describe(String workflowId) {
    StringBuilder lines = new StringBuilder();
    long first = -1;
    for (HistoryEvent event : client.fetchHistory(workflowId).getHistory().getEventsList()) {
      long at = Timestamps.toMillis(event.getEventTime());
      first = first < 0 ? at : first;
      String detail = "";
      if (event.hasWorkflowTaskScheduledEventAttributes()) {
        detail = event.getWorkflowTaskScheduledEventAttributes().getTaskQueue().getName();
      } else if (event.hasWorkflowTaskStartedEventAttributes()) {
        detail = event.getWorkflowTaskStartedEventAttributes().getIdentity();
      } else if (event.hasActivityTaskScheduledEventAttributes()) {
        detail = event.getActivityTaskScheduledEventAttributes().getTaskQueue().getName();
      } else if (event.hasActivityTaskStartedEventAttributes()) {
        detail = event.getActivityTaskStartedEventAttributes().getIdentity();
      }
      lines.append(
          String.format(
              "%4d %7d ms %s %s%n", event.getEventId(), at - first, event.getEventType(), detail));
    }
    for (PendingActivityInfo activity : pendingActivities(workflowId)) {
      lines.append(
          String.format(
              "pending %s %s attempt %d on %s%n",
              activity.getActivityType().getName(),
              activity.getState(),
              activity.getAttempt(),
              activity.getLastWorkerIdentity()));
    }
    return lines.toString();
  }

  String log(String name) throws IOException {
    return Files.readString(logs.resolve(name + ".log"));
  }

  /** Kills every worker started here (SIGKILL) and stops the server. */
  @Override
  public void close() {
    for (Process process : processes) {
      process.destroyForcibly();
    }
    for (Process process : processes) {
      try {
        process.waitFor(30, SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    processes.clear();
    for (WorkerFactory host : hosts) {
      host.shutdownNow();
    }
    service.shutdownNow();
    server.close();
  }
}
