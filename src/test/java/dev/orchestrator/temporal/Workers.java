package dev.orchestrator.temporal;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;

import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Temporal's test server on a port of 127.0.0.1 (the real gRPC API) and {@code orchestrator worker}
 * processes against it, each a JVM of its own on the test class path. Whoever starts one stops it.
 */
final class Workers implements AutoCloseable {

  private final TestServer.PortBoundTestServer server;
  private final int port;
  private final Path logs;
  private final List<Process> processes = new ArrayList<>();

  private Workers(TestServer.PortBoundTestServer server, int port, Path logs) {
    this.server = server;
    this.port = port;
    this.logs = logs;
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
    List<String> command = new ArrayList<>(List.of("worker", "--task-queue", taskQueue));
    command.addAll(List.of(arguments));
    Process process = orchestrator(name, command);
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
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add("dev.orchestrator.cli.Main");
    command.addAll(arguments);
    command.addAll(List.of("--temporal", target()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(logs.resolve(name + ".log").toFile()))
            .start();
    processes.add(process);
    return process;
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
    server.close();
  }
}
