package dev.orchestrator.cli;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.ChildJvm;
import dev.orchestrator.Json;
import dev.orchestrator.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code orchestrator resume} continues a run with what it was started with: a run with a command
 * agent is interrupted (SIGTERM, the signal Ctrl-C's handler shares) while its third task runs, and
 * the resumed run finishes with the same agent, never with simulated executors.
 */
@Timeout(180)
class ResumeCommandTest {

  @TempDir Path temp;
  Path out;
  Path block;

  /**
   * An agent that writes {@code src/<task>.py} saying which agent wrote it; on task_3 it waits
   * while the file {@code block} exists.
   */
  private void agent(String name) throws IOException {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path agent = bin.resolve(name);
    Files.writeString(
        agent,
        "#!/bin/sh\nmkdir -p src\necho \"# "
            + name
            + " $1\" > \"src/$1.py\"\nif [ \"$1\" = task_3 ] && [ -e '"
            + block
            + "' ]; then touch '"
            + block
            + ".reached'; exec sleep 300; fi\necho \"did $1\"\n");
    assertThat(agent.toFile().setExecutable(true)).isTrue();
  }

  private Map<String, String> environment() {
    return Map.of(
        "PATH",
        temp.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin",
        "HOME",
        temp.resolve("home").toString());
  }

  @BeforeEach
  void interruptedAtTheThirdTask() throws Exception {
    out = temp.resolve("out");
    block = temp.resolve("block");
    agent("fake-agent");
    Files.createFile(block);
    List<String> command =
        new ArrayList<>(
            ChildJvm.orchestrator(
                CommandLineAgentsTest.TODO,
                "-m",
                "1",
                "-o",
                out.toString(),
                "--executor",
                "command",
                "--agent-command",
                "fake-agent {task_id}",
                // the agent marks reaching task_3 beside the run, outside a confined workspace
                "--sandbox-writable",
                temp.toString(),
                "--no-verify"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("first.txt").toFile());
    builder.environment().clear();
    builder.environment().putAll(environment());
    Process first = builder.start();
    try {
      Awaitility.await()
          .atMost(60, SECONDS)
          .until(() -> Files.exists(temp.resolve("block.reached")));
      first.destroy();
      assertThat(first.waitFor(30, SECONDS)).isTrue();
    } finally {
      first.destroyForcibly();
    }
    assertThat(first.exitValue()).isEqualTo(130);
    Files.delete(block);
  }

  @Test
  void the_interruption_says_which_directory_to_resume() throws IOException {
    assertThat(Files.readString(temp.resolve("first.txt")))
        .contains("Finish later with: orchestrator resume " + out)
        .doesNotContain("<output-dir>");
  }

  @Test
  void resume_runs_the_remaining_tasks_with_the_command_agent_the_run_was_started_with()
      throws IOException {
    Result resumed = CliRun.run(environment(), "resume", out);

    assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
    assertThat(resumed.out()).contains("(2 done earlier)").doesNotContain("simulation");
    JsonNode summary = summary();
    assertThat(summary.get("executor").get("kind").asText()).isEqualTo("command");
    assertThat(summary.get("sessions").asInt()).isEqualTo(2);
    assertThat(summary.get("verification").get("reason").asText()).contains("--no-verify");
    for (JsonNode task : summary.get("tasks")) {
      String id = task.get("id").asText();
      assertThat(out.resolve("src/" + id + ".py")).content().startsWith("# fake-agent " + id);
    }
  }

  @Test
  void an_option_given_to_resume_replaces_the_recorded_one_and_is_recorded_for_the_next()
      throws IOException {
    agent("other-agent");

    Result resumed =
        CliRun.run(environment(), "resume", out, "--agent-command", "other-agent {task_id}");

    assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
    assertThat(out.resolve("src/task_1.py")).content().startsWith("# fake-agent task_1");
    assertThat(out.resolve("src/task_3.py")).content().startsWith("# other-agent task_3");
    List<String> journal = Files.readAllLines(out.resolve(".orchestrator/journal.jsonl"));
    JsonNode last =
        Json.mapper()
            .readTree(
                journal.stream()
                    .filter(l -> l.contains("\"run_started\""))
                    .reduce((a, b) -> b)
                    .get());
    assertThat(last.get("options").get("--agent-command").get(0).asText())
        .isEqualTo("other-agent {task_id}");
    assertThat(last.get("options").get("--executor").get(0).asText()).isEqualTo("command");
    assertThat(last.get("options").has("--no-verify")).isTrue();
  }

  @Test
  void resume_stops_with_exit_2_when_the_recorded_agent_is_gone_instead_of_simulating()
      throws IOException {
    Files.delete(temp.resolve("bin/fake-agent"));

    Result resumed = CliRun.run(environment(), "resume", out);

    assertThat(resumed.exitCode()).isEqualTo(2);
    assertThat(resumed.err())
        .contains("was started with")
        .contains("--agent-command 'fake-agent {task_id}'")
        .contains("fake-agent");
    assertThat(out.resolve("execution_summary.json")).exists();
    assertThat(out.resolve("src/task_3.py")).doesNotExist();
  }

  private JsonNode summary() throws IOException {
    return Json.mapper().readTree(out.resolve("execution_summary.json").toFile());
  }
}
