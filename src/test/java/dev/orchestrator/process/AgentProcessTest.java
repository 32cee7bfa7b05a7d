package dev.orchestrator.process;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.orchestrator.ChildJvm;
import dev.orchestrator.Secrets;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Agents as real child processes, played by shell scripts. */
@Timeout(60)
class AgentProcessTest {

  @TempDir Path temp;
  final List<Long> started = new ArrayList<>();

  @AfterEach
  void noProcessOutlivesTheTest() {
    started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  private Path script(String name, String body) throws Exception {
    Path file = temp.resolve(name);
    Files.writeString(file, "#!/bin/sh\nhere=\"" + temp + "\"\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  private AgentProcess.Launch launch(Path program, Secrets secrets) throws Exception {
    Path work = Files.createDirectories(temp.resolve("work"));
    return new AgentProcess.Launch(
        List.of(program.toString()),
        work,
        Map.of("PATH", "/usr/bin:/bin", "KEY_FOR_TEST", "sk-test-0123456789"),
        null,
        work.resolve(".agent/stdout.log"),
        work.resolve(".agent/stderr.log"),
        secrets);
  }

  private long pid(String file) throws Exception {
    long pid = Long.parseLong(Files.readString(temp.resolve(file)).strip());
    started.add(pid);
    return pid;
  }

  // A killed process whose parent has not reaped it yet (a zombie, state Z) has ended.
  private static boolean alive(long pid) {
    if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException gone) {
      return false;
    }
  }

  @Test
  void a_background_child_of_an_agent_that_exited_is_ended_before_run_returns() throws Exception {
    Path agent =
        script(
            "agent",
            "sleep 300 &\necho $! > \"$here/child.pid\"\n"
                + "(sleep 300; echo late > \"$here/late.txt\") &\necho done\n");

    AgentProcess.Exit exit = AgentProcess.run(launch(agent, Secrets.none()), line -> {});

    assertThat(exit.status()).isZero();
    assertThat(alive(pid("child.pid"))).isFalse();
    assertThat(temp.resolve("late.txt")).doesNotExist();
  }

  @Test
  void an_agent_and_its_children_die_with_the_orchestrator_even_on_kill_9() throws Exception {
    assumeThat(ProcessSession.forThisSystem().isolated()).as("setsid and /proc").isTrue();
    Path agent =
        script(
            "agent",
            "sleep 300 &\necho $! > \"$here/child.pid.tmp\"\nmv \"$here/child.pid.tmp\""
                + " \"$here/child.pid\"\nexec sleep 300\n");
    Path plan = temp.resolve("plan.json");
    Files.writeString(
        plan,
        """
        {"requirements": "r", "tasks": [{"id": "task_1", "name": "One", "description": "d",
         "priority": 1, "estimated_effort": "low", "estimated_duration": "30min",
         "acceptance_criteria": ["a"]}], "dependencies": {}}
        """);
    List<String> command =
        new ArrayList<>(
            ChildJvm.orchestrator(
                "run",
                "--plan",
                plan.toString(),
                "--executor",
                "command",
                "--agent-command",
                agent.toString(),
                // The pids the agent writes must be the host's: a confined agent has a PID
                // namespace of its own (SandboxedRunTest shows confined children end too).
                "--sandbox",
                "off",
                "-o",
                temp.resolve("out").toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("console.txt").toFile());
    builder.environment().put("PATH", "/usr/bin:/bin");
    Process orchestrator = builder.start();
    started.add(orchestrator.pid());
    await().atMost(30, SECONDS).until(() -> Files.exists(temp.resolve("child.pid")));
    long child = pid("child.pid");
    long agentPid =
        orchestrator
            .descendants()
            .filter(h -> h.info().command().orElse("").endsWith("sleep"))
            .findFirst()
            .map(ProcessHandle::pid)
            .orElse(child);
    started.add(agentPid);

    orchestrator.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs

    await().atMost(20, SECONDS).until(() -> !alive(child) && !alive(agentPid));
  }

  @Test
  void a_key_the_agent_prints_is_masked_in_its_lines_and_logs() throws Exception {
    Path agent =
        script("agent", "echo \"key=$KEY_FOR_TEST\"\necho \"err $KEY_FOR_TEST\" >&2\nexit 3\n");
    List<String> lines = new CopyOnWriteArrayList<>();
    AgentProcess.Launch launch = launch(agent, Secrets.of(List.of("sk-test-0123456789")));

    AgentProcess.Exit exit = AgentProcess.run(launch, lines::add);

    assertThat(lines).containsExactly("key=" + Secrets.MASK);
    assertThat(exit.describe()).contains("err " + Secrets.MASK).doesNotContain("sk-test");
    assertThat(Files.readString(launch.stdoutLog())).doesNotContain("sk-test");
    assertThat(Files.readString(launch.stderrLog())).doesNotContain("sk-test");
  }

  @Test
  void the_exit_keeps_the_last_600_characters_of_a_long_standard_error() throws Exception {
    Path agent =
        script("agent", "head -c 5000 /dev/zero | tr '\\0' x >&2\necho ' the end' >&2\nexit 1\n");

    AgentProcess.Exit exit = AgentProcess.run(launch(agent, Secrets.none()), line -> {});

    assertThat(exit.stderrTail()).startsWith("…x").endsWith("x the end").hasSize(601);
  }

  @Test
  void a_short_standard_error_is_kept_whole_and_trimmed() throws Exception {
    Path agent = script("agent", "echo '  it broke  ' >&2\nexit 1\n");

    AgentProcess.Exit exit = AgentProcess.run(launch(agent, Secrets.none()), line -> {});

    assertThat(exit.stderrTail()).isEqualTo("it broke");
  }

  @Test
  void a_line_of_many_megabytes_is_cut_and_the_log_stops_at_its_cap() throws Exception {
    int megabytes = 20;
    InputStream huge =
        new InputStream() {
          long left = megabytes * (1L << 20);

          @Override
          public int read() {
            return left-- > 0 ? 'a' : left == -1 ? '\n' : -1;
          }
        };
    StringWriter log = new StringWriter();
    List<String> lines = new ArrayList<>();

    new BoundedLines(1000, 5000).copy(huge, log, s -> s, lines::add);

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith("a".repeat(1000) + " [").endsWith(" characters cut]");
    assertThat(lines.get(0)).hasSizeLessThan(1100);
    assertThat(log.toString()).hasSizeLessThan(1100);
  }

  @Test
  void the_log_keeps_lines_until_its_cap_then_says_the_rest_is_not_kept() throws Exception {
    StringWriter log = new StringWriter();
    List<String> lines = new ArrayList<>();
    byte[] input = "one\ntwo\nthree\nfour\n".getBytes();

    new BoundedLines(100, 9).copy(new ByteArrayInputStream(input), log, s -> s, lines::add);

    assertThat(lines).containsExactly("one", "two", "three", "four");
    assertThat(log.toString()).startsWith("one\ntwo\n[the rest of the output is not kept");
  }
}
