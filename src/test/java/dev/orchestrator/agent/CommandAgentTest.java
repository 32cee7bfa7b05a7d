package dev.orchestrator.agent;

import static dev.orchestrator.agent.FakeAgents.assignment;
import static dev.orchestrator.agent.FakeAgents.environment;
import static dev.orchestrator.agent.FakeAgents.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orchestrator.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Any command-line agent, played by bash scripts. */
@Timeout(60)
class CommandAgentTest {

  /**
   * Reads its prompt from the file named by its first argument (or standard input), writes code.
   */
  static final String WRITES_CODE =
      """
      printf '%s\\n' "$@" > "$here/argv.txt"
      pwd > "$here/cwd.txt"
      if [ $# -gt 0 ]; then cp "$1" "$here/prompt.txt"; else cat > "$here/prompt.txt"; fi
      echo "planning the API"
      mkdir -p src/api
      echo 'def create(): pass' > src/api/routes.py
      echo "wrote src/api/routes.py"
      echo "a warning" >&2
      """;

  @TempDir Path temp;

  Path bin() {
    return temp.resolve("bin");
  }

  CommandAgent agent(String command) {
    return new CommandAgent(
        CommandTemplate.parse(command), environment(bin()), dev.orchestrator.Secrets.none());
  }

  String recorded(String name) throws Exception {
    return Files.readString(bin().resolve(name));
  }

  @Nested
  class WhenTheAgentSucceeds {

    @Test
    void it_runs_in_the_workspace_and_the_files_it_created_are_the_output() throws Exception {
      script(bin(), "my-agent", WRITES_CODE);
      TaskAssignment assignment = assignment(temp.resolve("ws"));

      AgentResult result = agent("my-agent {prompt_file}").execute(assignment);

      assertThat(recorded("cwd.txt").strip()).isEqualTo(assignment.workspace().root().toString());
      assertThat(assignment.workspace().files())
          .containsExactly(
              ".agent/prompt.md", ".agent/stderr.log", ".agent/stdout.log", "src/api/routes.py");
      assertThat(result.summary()).isEqualTo("wrote src/api/routes.py");
      assertThat(result.usage()).as("no tokens are known").isNull();
      assertThat(result.details()).containsEntry("exit_status", "0").containsKey("duration_ms");
    }

    @Test
    void standard_output_and_error_are_kept_in_the_agent_directory_and_lines_are_progress()
        throws Exception {
      script(bin(), "my-agent", WRITES_CODE);
      List<String> progress = new CopyOnWriteArrayList<>();
      TaskAssignment assignment = assignment(temp.resolve("ws"), Map.of(), progress);

      agent("my-agent {prompt_file}").execute(assignment);

      assertThat(assignment.workspace().read(".agent/stdout.log"))
          .isEqualTo("planning the API\nwrote src/api/routes.py\n");
      assertThat(assignment.workspace().read(".agent/stderr.log")).isEqualTo("a warning\n");
      assertThat(progress).containsExactly("planning the API", "wrote src/api/routes.py");
    }

    @Test
    void the_prompt_file_placeholder_names_a_file_holding_the_task_prompt() throws Exception {
      script(bin(), "my-agent", WRITES_CODE);

      agent("my-agent {prompt_file}").execute(assignment(temp.resolve("ws")));

      assertThat(recorded("argv.txt").strip()).endsWith(".agent/prompt.md");
      assertThat(recorded("prompt.txt")).contains("## Your task: task_2 — REST API");
    }

    @Test
    void without_a_prompt_placeholder_the_prompt_arrives_on_standard_input() throws Exception {
      script(bin(), "my-agent", WRITES_CODE);

      agent("my-agent").execute(assignment(temp.resolve("ws")));

      assertThat(recorded("prompt.txt")).contains("## Your task: task_2 — REST API");
    }

    @Test
    void with_the_prompt_placeholder_it_is_one_argument_and_standard_input_is_empty()
        throws Exception {
      script(
          bin(),
          "my-agent",
          "printf '%s\\n' \"$#\" > \"$here/argc.txt\"\nprintf '%s' \"$2\" > \"$here/arg.txt\"\n"
              + "cat > \"$here/stdin.txt\"\ntouch done.txt\n");

      agent("my-agent --message {prompt}").execute(assignment(temp.resolve("ws")));

      assertThat(recorded("argc.txt").strip()).isEqualTo("2");
      assertThat(recorded("arg.txt")).contains(FakeAgents.REQUIREMENT, "## Your task: task_2");
      assertThat(recorded("stdin.txt")).isEmpty();
    }

    @Test
    void workspace_and_task_id_placeholders_are_filled_in() throws Exception {
      script(bin(), "my-agent", "printf '%s\\n' \"$@\" > \"$here/argv.txt\"\ntouch x\n");
      TaskAssignment assignment = assignment(temp.resolve("ws"));

      agent("my-agent --in={workspace} --task \"{task_id}\"").execute(assignment);

      assertThat(recorded("argv.txt").lines())
          .containsExactly("--in=" + assignment.workspace().root(), "--task", "task_2");
    }

    @Test
    void an_agent_that_writes_nothing_still_succeeds_on_exit_status_zero_and_says_so()
        throws Exception {
      script(bin(), "my-agent", "exit 0\n");

      AgentResult result = agent("my-agent").execute(assignment(temp.resolve("ws")));

      assertThat(result.summary()).isEqualTo("my-agent exited with status 0 but wrote no files");
    }

    @Test
    void a_shell_runs_only_when_the_command_asks_for_one() throws Exception {
      TaskAssignment assignment = assignment(temp.resolve("ws"));

      agent("sh -c 'wc -l < \"$0\" > lines.txt' {prompt_file}").execute(assignment);

      assertThat(Integer.parseInt(assignment.workspace().read("lines.txt").strip())).isPositive();
    }
  }

  @Nested
  class WhenPlanTextIsHostile {

    // Each line of a prompt pasted into a script would be a command of its own.
    final String hostile =
        "Build a todo app\ntouch INJECTED_1; $(touch INJECTED_2) `touch INJECTED_3`\n"
            + "'; touch INJECTED_4; '";

    @Test
    void a_script_reads_the_prompt_through_the_environment_and_plan_text_never_runs()
        throws Exception {
      TaskAssignment assignment =
          FakeAgents.assignment(
              FakeAgents.plan(hostile), temp.resolve("ws"), Map.of(), new CopyOnWriteArrayList<>());

      agent(
              "sh -c 'printf %s \"$(cat \"$ORCHESTRATOR_PROMPT_FILE\")\" > got.txt;"
                  + " printf %s \"$ORCHESTRATOR_TASK_ID $ORCHESTRATOR_WORKSPACE\" > ids.txt'")
          .execute(assignment);

      assertThat(assignment.workspace().read("got.txt")).contains(hostile);
      assertThat(assignment.workspace().read("ids.txt"))
          .isEqualTo("task_2 " + assignment.workspace().root());
      try (var files = Files.list(assignment.workspace().root())) {
        assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("INJ"));
      }
    }

    @Test
    void a_path_that_a_shell_would_act_on_is_not_pasted_into_a_longer_argument() throws Exception {
      TaskAssignment assignment = assignment(temp.resolve("a $(touch INJECTED) dir"));

      assertThatThrownBy(() -> agent("sh -c 'cd {workspace} && touch ran'").execute(assignment))
          .isInstanceOf(AgentException.class)
          .hasMessageContaining("read $ORCHESTRATOR_WORKSPACE in the script")
          .satisfies(e -> assertThat(((AgentException) e).retryable()).isFalse());
      assertThat(temp.resolve("a $(touch INJECTED) dir").resolve("ran")).doesNotExist();
      assertThat(temp.resolve("INJECTED")).doesNotExist();
    }
  }

  @Nested
  class WhenTheAgentFails {

    @Test
    void a_non_zero_exit_fails_retryably_with_the_status_and_the_end_of_standard_error()
        throws Exception {
      script(bin(), "my-agent", "echo 'rate limited, giving up' >&2\nexit 3\n");

      assertThatThrownBy(() -> agent("my-agent").execute(assignment(temp.resolve("ws"))))
          .isInstanceOf(AgentException.class)
          .hasMessageContaining("the agent command my-agent failed with exit status 3 after")
          .hasMessageContaining("rate limited, giving up")
          .satisfies(e -> assertThat(((AgentException) e).retryable()).isTrue());
    }

    @Test
    void exit_status_127_of_a_command_not_found_by_a_shell_is_not_retried() throws Exception {
      assertThatThrownBy(
              () -> agent("sh -c 'no-such-agent-xyz'").execute(assignment(temp.resolve("ws"))))
          .hasMessageContaining("exit status 127")
          .hasMessageContaining("not found")
          .satisfies(e -> assertThat(((AgentException) e).retryable()).isFalse());
    }

    @Test
    void a_missing_program_is_reported_when_the_agent_is_set_up() {
      assertThatThrownBy(() -> agent("no-such-agent --yes"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessage("no-such-agent was not found on PATH; " + CommandAgent.HINT);
    }

    @Test
    void a_program_that_is_not_executable_is_reported_when_the_agent_is_set_up() throws Exception {
      Path file = script(bin(), "my-agent", WRITES_CODE);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

      assertThatThrownBy(() -> agent("my-agent"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(file + " is not executable");
    }

    @Test
    void a_program_given_by_a_path_that_does_not_exist_is_reported() {
      assertThatThrownBy(() -> agent(temp.resolve("nowhere/agent") + " --yes"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("nowhere/agent does not exist");
    }
  }

  @Nested
  class WhenTheAgentIsInterrupted {

    @Test
    void it_ends_the_agent_and_the_processes_it_started_and_rethrows() throws Exception {
      script(
          bin(),
          "my-agent",
          "sleep 300 &\nbash -c 'sleep 300; true' &\necho \"$$ $(jobs -p | tr '\\n' ' ')\" > \"$here/pids.tmp\"\n"
              + "mv \"$here/pids.tmp\" \"$here/pids.txt\"\nwait\n");
      CommandAgent agent = agent("my-agent");
      TaskAssignment assignment = assignment(temp.resolve("ws"));
      CompletableFuture<Thread> runner = new CompletableFuture<>();
      CompletableFuture<Object> outcome = new CompletableFuture<>();
      Thread thread =
          new Thread(
              () -> {
                runner.complete(Thread.currentThread());
                try {
                  outcome.complete(agent.execute(assignment));
                } catch (Throwable e) {
                  outcome.complete(e);
                }
              });
      thread.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(bin().resolve("pids.txt")));
      List<Long> pids =
          List.of(recorded("pids.txt").strip().split("\\s+")).stream().map(Long::valueOf).toList();
      List<Long> tree =
          ProcessHandle.of(pids.get(0))
              .orElseThrow()
              .descendants()
              .map(ProcessHandle::pid)
              .toList();

      runner.get().interrupt();

      assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
      assertThat(tree)
          .as("the agent started a sleep, and a shell that started a sleep")
          .hasSizeGreaterThanOrEqualTo(3);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(pids.get(0) + " " + tree)
                      .satisfies(
                          ignored ->
                              assertThat(
                                      java.util.stream.Stream.concat(pids.stream(), tree.stream()))
                                  .noneMatch(
                                      pid ->
                                          ProcessHandle.of(pid)
                                              .map(ProcessHandle::isAlive)
                                              .orElse(false))));
    }
  }

  @Test
  void a_file_whose_path_holds_a_secret_is_refused_and_removed_so_no_name_carries_the_key()
      throws Exception {
    String key = "sk-ant-secret-value-123";
    script(
        bin(),
        "my-agent",
        "mkdir -p src/dir_"
            + key
            + " src/ok\n"
            + "echo x > src/dir_"
            + key
            + "/f_"
            + key
            + ".py\n"
            + "echo y > src/ok/fine.py\n");
    TaskAssignment assignment = assignment(temp.resolve("ws"));
    CommandAgent agent =
        new CommandAgent(
            CommandTemplate.parse("my-agent"),
            environment(bin()),
            dev.orchestrator.Secrets.of(List.of(key)));

    assertThatThrownBy(() -> agent.execute(assignment))
        .isInstanceOf(AgentException.class)
        .hasMessageContaining("src/dir_[secret]/f_[secret].py")
        .hasMessageContaining("rename")
        .hasMessageNotContaining(key)
        .matches(e -> !((AgentException) e).retryable(), "not retryable");
    try (var walk = Files.walk(assignment.workspace().root())) {
      assertThat(walk.map(Path::toString)).noneMatch(name -> name.contains(key));
    }
    assertThat(assignment.workspace().files()).contains("src/ok/fine.py");
  }
}
