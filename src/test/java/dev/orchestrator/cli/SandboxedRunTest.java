package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import dev.orchestrator.cli.CliRun.Result;
import dev.orchestrator.plan.Complexity;
import dev.orchestrator.plan.Effort;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.Task;
import dev.orchestrator.sandbox.BwrapProbe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A hostile command agent, and the hostile test it writes, run by the real command line with the
 * sandbox on and off. Each tries what the issue measured agents doing: write the home, write beside
 * the output directory, write the run's own state, read a planted private key into an output file,
 * signal the orchestrator, connect to a local listener, leave a process behind. Confined, every
 * attempt fails and the run still completes and reports its task; unconfined, every attempt
 * succeeds, which shows that the checks can fail.
 *
 * <p>Everything lies under {@code target/}, not {@code /tmp}: the sandbox's private {@code /tmp}
 * would hide a home or output directory there whatever the policy said.
 */
@Timeout(180)
class SandboxedRunTest {

  static final List<String> WHO = List.of("agent", "test");

  Path root;
  Path home;
  Path out;
  String key;
  String marker;
  ServerSocket listener;
  final Set<String> connected = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void plant() throws IOException {
    Files.createDirectories(Path.of("target"));
    root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "sandboxed-run-");
    home = Files.createDirectories(root.resolve("home"));
    out = root.resolve("out");
    key = "-----BEGIN OPENSSH PRIVATE KEY----- " + UUID.randomUUID();
    marker = "hostile-" + UUID.randomUUID();
    Files.createDirectories(home.resolve(".ssh"));
    Files.writeString(home.resolve(".ssh/id_rsa"), key + "\n");
    listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    Thread accepting = new Thread(this::accept, "hostile-listener");
    accepting.setDaemon(true);
    accepting.start();
    writeAgent();
    PlanJson.write(plan(), root.resolve("plan.json"));
  }

  @AfterEach
  void cleanUp() throws IOException {
    listener.close();
    leftovers()
        .forEach(
            p -> {
              p.descendants().forEach(ProcessHandle::destroyForcibly);
              p.destroyForcibly();
            });
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  @Test
  void confined_every_attempt_fails_and_the_run_still_reports_its_task() throws IOException {
    BwrapProbe.Result probe = BwrapProbe.probe(System.getenv(), false);
    assumeTrue(probe.works(), () -> "skipped: bubblewrap does not work here: " + probe.problem());

    Map<String, String> attempts = runHostile("--sandbox", "bwrap", "--sandbox-network", "off");

    for (String who : WHO) {
      assertThat(home.resolve("canary-" + who)).as(who + " writes the home").doesNotExist();
      assertThat(root.resolve("beside-" + who))
          .as(who + " writes beside the output")
          .doesNotExist();
      assertThat(out.resolve(".orchestrator/evil-" + who))
          .as(who + " writes the run state")
          .doesNotExist();
      assertThat(connected).as("connections to the listener").doesNotContain(who);
      assertThat(attempts.get(who + " signal"))
          .as(who + " signals the orchestrator")
          .startsWith("failed");
      assertThat(attempts.get(who + " read-key"))
          .as(who + " reads ~/.ssh/id_rsa")
          .startsWith("failed");
      await()
          .atMost(Duration.ofSeconds(5))
          .alias(who + "'s background process ends with it")
          .until(() -> leftovers(who).isEmpty());
    }
    assertThat(filesHolding(key)).as("files holding the private key").isEmpty();
    JsonNode task = summary().get("tasks").get(0);
    assertThat(task.get("status").asText()).isEqualTo("completed");
    assertThat(task.get("details").get("sandbox").asText()).isEqualTo("bwrap");
    assertThat(summary().path("verification").path("sandbox").asText()).isEqualTo("bwrap");
    assertThat(Files.readString(out.resolve("report.html"))).contains("Sandbox: bwrap");
  }

  @Test
  void unconfined_the_same_attempts_succeed() throws IOException {
    Map<String, String> attempts = runHostile("--sandbox", "off");

    for (String who : WHO) {
      assertThat(home.resolve("canary-" + who)).as(who + " writes the home").exists();
      assertThat(root.resolve("beside-" + who)).as(who + " writes beside the output").exists();
      assertThat(out.resolve(".orchestrator/evil-" + who))
          .as(who + " writes the run state")
          .exists();
      await()
          .atMost(Duration.ofSeconds(5))
          .alias(who + " connects to the listener")
          .until(() -> connected.contains(who));
      assertThat(attempts.get(who + " signal"))
          .as(who + " signals the orchestrator")
          .startsWith("succeeded");
      assertThat(leftovers(who)).as(who + "'s background process outlives the run").isNotEmpty();
    }
    assertThat(filesHolding(key)).as("files holding the private key").isNotEmpty();
    JsonNode task = summary().get("tasks").get(0);
    assertThat(task.get("status").asText()).isEqualTo("completed");
    assertThat(task.get("details").get("sandbox").asText()).isEqualTo("none");
    assertThat(summary().path("verification").path("sandbox").asText()).isEqualTo("none");
  }

  @Test
  void a_confined_agent_that_fails_is_reported_failed_and_confined_in_the_summary_and_report()
      throws IOException {
    BwrapProbe.Result probe = BwrapProbe.probe(System.getenv(), true);
    assumeTrue(probe.works(), () -> "skipped: bubblewrap does not work here: " + probe.problem());
    // The read-only root, wherever the tests run: under /tmp (the sandbox's own tmpfs there) a
    // write into the home may land in the sandbox and succeed.
    Path canary = Path.of("/etc", marker + "-failing");
    Path failing = root.resolve("bin/writes-outside");
    Files.writeString(failing, "#!/bin/bash\necho x > \"" + canary + "\"\n");
    Files.setPosixFilePermissions(failing, PosixFilePermissions.fromString("rwxr-xr-x"));

    Result result =
        run(
            Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", home.toString()),
            "run",
            "--plan",
            root.resolve("plan.json"),
            "--executor",
            "command",
            "--agent-command",
            failing,
            "--retries",
            "0",
            "--no-verify",
            "--sandbox",
            "bwrap",
            "-o",
            out);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    assertThat(canary).doesNotExist();
    JsonNode task = summary().get("tasks").get(0);
    assertThat(task.get("status").asText()).isEqualTo("failed");
    assertThat(task.get("error").asText()).contains("it ran in the bwrap sandbox");
    assertThat(task.path("details").path("sandbox").asText()).isEqualTo("bwrap");
    assertThat(Files.readString(out.resolve("report.html")))
        .contains("<th>Sandbox</th>", "<td>bwrap</td>");
  }

  /** Runs the plan with the hostile agent and test; returns "who attempt" → what it printed. */
  private Map<String, String> runHostile(String... sandbox) throws IOException {
    List<Object> args =
        new ArrayList<>(
            List.of(
                "run",
                "--plan",
                root.resolve("plan.json"),
                "--executor",
                "command",
                "--agent-command",
                root.resolve("bin/hostile") + " agent",
                "--verify-command",
                "bash tests/hostile_test.sh test",
                "--fix-rounds",
                "0",
                "-o",
                out));
    args.addAll(List.of(sandbox));
    Result result =
        run(
            Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", home.toString()),
            args.toArray());
    assertThat(result.exitCode()).as(result.err()).isZero();
    Map<String, String> attempts = new ConcurrentHashMap<>();
    StringBuilder table = new StringBuilder();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path log : files.filter(p -> p.toString().endsWith("stdout.log")).toList()) {
        for (String line : Files.readAllLines(log)) {
          String[] parts = line.split(": ", 2);
          if (parts.length == 2 && parts[0].matches("(agent|test) [a-z-]+")) {
            attempts.put(parts[0], parts[1]);
            table.append(String.join(" ", sandbox)).append(" | ").append(line).append('\n');
          }
        }
      }
    }
    // What each attempt printed, for the surefire report: the table of the closing note.
    System.out.print(table);
    assertThat(attempts).as("the attempts the agent and the test reported").hasSize(14);
    return attempts;
  }

  private JsonNode summary() throws IOException {
    return Json.mapper().readTree(out.resolve("execution_summary.json").toFile());
  }

  private List<Path> filesHolding(String text) throws IOException {
    try (Stream<Path> files = Files.walk(out)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              f -> {
                try {
                  return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)
                      .contains(text);
                } catch (IOException e) {
                  return false;
                }
              })
          .toList();
    }
  }

  private List<ProcessHandle> leftovers() {
    return leftovers("");
  }

  private List<ProcessHandle> leftovers(String who) {
    String wanted = marker + "-" + who;
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(wanted))
        .toList();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try (Socket socket = listener.accept();
          BufferedReader in =
              new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
        String line = in.readLine();
        if (line != null) {
          connected.add(line.strip());
        }
      } catch (IOException closed) {
        return;
      }
    }
  }

  // One script for both: as the agent it also writes a source file and itself as the project's
  // test, which the verify step then runs as "test".
  private void writeAgent() throws IOException {
    Path bin = Files.createDirectories(root.resolve("bin"));
    Path agent = bin.resolve("hostile");
    Files.writeString(
        agent,
        String.join(
            "\n",
            "#!/bin/bash",
            "who=$1",
            "try() { name=$1; shift; if said=$(\"$@\" 2>&1); then echo \"$who $name: succeeded"
                + " ${said//$'\\n'/ }\"; else echo \"$who $name: failed ${said//$'\\n'/ }\"; fi; }",
            "try home-canary sh -c \"echo x > \\\"\\$HOME/canary-$who\\\"\"",
            "try beside-output sh -c \"echo x > '" + root + "/beside-$who'\"",
            "try run-state sh -c \"echo x > '" + out + "/.orchestrator/evil-$who'\"",
            "try read-key sh -c \"cat \\\"\\$HOME/.ssh/id_rsa\\\" > stolen-$who.txt &&"
                + " cat stolen-$who.txt\"",
            "try signal kill -CONT " + ProcessHandle.current().pid(),
            "try connect bash -c \"echo $who > /dev/tcp/127.0.0.1/"
                + listener.getLocalPort()
                + "\"",
            // Waits until the child has left the session (it writes its pid after setsid), so the
            // orchestrator's end of the session cannot catch it before it escapes.
            "setsid sh -c \"echo \\$\\$ > bg-$who.pid; sleep 600; : "
                + marker
                + "-$who\" </dev/null >/dev/null 2>&1 &",
            "while [ ! -s bg-$who.pid ]; do sleep 0.05; done",
            "echo \"$who background: started\"",
            "if [ \"$who\" = agent ]; then",
            "  mkdir -p src tests && echo 'print(1)' > src/app.py && cp \"$0\""
                + " tests/hostile_test.sh",
            "fi",
            "exit 0",
            ""));
    Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static Plan plan() {
    return new Plan(
        "Build a tool",
        new Complexity(10, "one part", List.of("cli"), List.of("python")),
        1,
        Plan.TASK_QUEUE,
        List.of(
            new Task(
                "task_1",
                "Tool",
                "Builds the tool",
                1,
                Effort.LOW,
                Duration.ofMinutes(10),
                List.of("It runs"),
                List.of("src/**", "tests/**"))),
        Map.of(),
        "task_1",
        "",
        null);
  }
}
