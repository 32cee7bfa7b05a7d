package dev.orchestrator.agent;

import static dev.orchestrator.agent.FakeAgents.assignment;
import static dev.orchestrator.agent.FakeAgents.environment;
import static dev.orchestrator.agent.FakeAgents.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orchestrator.ConfigurationException;
import dev.orchestrator.Secrets;
import dev.orchestrator.output.Attempt;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.process.AgentProcess;
import dev.orchestrator.process.ClaudeCode;
import dev.orchestrator.run.Orchestrator;
import dev.orchestrator.run.RetryPolicy;
import dev.orchestrator.run.RunOutcome;
import dev.orchestrator.sandbox.BwrapProbe;
import dev.orchestrator.sandbox.Sandbox;
import dev.orchestrator.usage.TokenUsage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Claude Code as executor, against fake {@code claude} scripts that speak its stream-json. */
@Timeout(60)
class ClaudeCodeAgentTest {

  static final String INIT =
      "echo '{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"sess-1\","
          + "\"model\":\"claude-sonnet-4-5\",\"tools\":[\"Write\"]}'\n";

  /**
   * Records its arguments, working directory and standard input, writes two files, streams turns.
   */
  static final String WRITES_FILES =
      """
      printf '%s\\n' "$@" > "$here/argv.txt"
      pwd > "$here/cwd.txt"
      cat > "$here/stdin.txt"
      """
          + INIT
          + """
      mkdir -p src/api
      echo 'def list_todos(): return []' > src/api/todos.py
      echo '{"type":"assistant","message":{"id":"msg_1","role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"Write","input":{"file_path":"src/api/todos.py","content":"..."}}],"usage":{"input_tokens":10,"output_tokens":20}},"session_id":"sess-1"}'
      echo '{"type":"user","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"ok","is_error":false}]},"session_id":"sess-1"}'
      echo '# REST API' > README.md
      echo '{"type":"assistant","message":{"id":"msg_2","role":"assistant","content":[{"type":"text","text":"Wrote the API and its README."}]},"session_id":"sess-1"}'
      echo '{"type":"result","subtype":"success","is_error":false,"duration_ms":5120,"num_turns":2,"result":"Wrote the API.","session_id":"sess-1","total_cost_usd":0.0123,"usage":{"input_tokens":12,"cache_creation_input_tokens":2048,"cache_read_input_tokens":15000,"output_tokens":210}}'
      """;

  @TempDir Path temp;

  Path bin() {
    return temp.resolve("bin");
  }

  ClaudeCode claude(boolean skipPermissions) {
    Map<String, String> environment = environment(bin());
    return new ClaudeCode(
        AgentProcess.locate("claude", environment, ClaudeCode.INSTALL_HINT),
        environment,
        "sonnet",
        7,
        skipPermissions,
        List.of(),
        false,
        Secrets.none(),
        usage -> {},
        Sandbox.none());
  }

  AgentResult execute(String body) throws Exception {
    script(bin(), "claude", body);
    return new ClaudeCodeAgent(claude(false)).execute(assignment(temp.resolve("ws")));
  }

  String recorded(String name) throws Exception {
    return Files.readString(bin().resolve(name));
  }

  @Test
  void confined_it_writes_its_workspace_and_its_own_state_and_nothing_else_of_the_home()
      throws Exception {
    BwrapProbe.Result probe = BwrapProbe.probe(System.getenv(), true);
    assumeTrue(probe.works(), () -> "skipped: bubblewrap does not work here: " + probe.problem());
    // Not under /tmp: the sandbox's private /tmp would hide a home there whatever the policy said.
    Files.createDirectories(Path.of("target"));
    Path root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "confined-claude-");
    Path home = Files.createDirectories(root.resolve("home"));
    Files.createDirectories(home.resolve(".claude"));
    Files.writeString(home.resolve(".claude.json"), "{}\n");
    Path bin = root.resolve("bin");
    script(
        bin,
        "claude",
        INIT
            + """
            echo session > "$HOME/.claude/session.jsonl"
            echo '{"seen":1}' > "$HOME/.claude.json"
            echo x > "$HOME/canary" || true
            echo x > "$here/beside" || true
            echo 'print(1)' > app.py
            echo '{"type":"result","subtype":"success","is_error":false,"duration_ms":5,"num_turns":1,"result":"ok","session_id":"sess-1","usage":{"input_tokens":1,"output_tokens":1}}'
            """);
    Map<String, String> environment =
        Map.of("PATH", bin + ":/usr/local/bin:/usr/bin:/bin", "HOME", home.toString());
    ClaudeCode claude =
        new ClaudeCode(
            bin.resolve("claude"),
            environment,
            "sonnet",
            7,
            false,
            List.of(),
            false,
            dev.orchestrator.Secrets.none(),
            usage -> {},
            Sandbox.bwrap(probe.bwrap(), true, List.of()));
    TaskAssignment assignment = assignment(root.resolve("ws"));

    AgentResult result = new ClaudeCodeAgent(claude).execute(assignment);

    assertThat(assignment.workspace().files()).contains("app.py");
    assertThat(home.resolve(".claude/session.jsonl")).hasContent("session");
    assertThat(home.resolve(".claude.json")).hasContent("{\"seen\":1}");
    assertThat(home.resolve("canary")).doesNotExist();
    assertThat(bin.resolve("beside")).doesNotExist();
    assertThat(result.details()).containsEntry("sandbox", "bwrap");
  }

  @Nested
  class WhenClaudeSucceeds {

    @Test
    void the_files_it_wrote_in_the_workspace_are_the_output_and_its_logs_are_kept_beside_them()
        throws Exception {
      script(bin(), "claude", WRITES_FILES);
      TaskAssignment assignment = assignment(temp.resolve("ws"));

      new ClaudeCodeAgent(claude(false)).execute(assignment);

      assertThat(assignment.workspace().files())
          .containsExactly(
              ".agent/prompt.md",
              ".agent/stderr.log",
              ".agent/stdout.log",
              "README.md",
              "src/api/todos.py");
      assertThat(recorded("cwd.txt").strip()).isEqualTo(assignment.workspace().root().toString());
      assertThat(assignment.workspace().read(".agent/stdout.log")).contains("\"type\":\"result\"");
    }

    @Test
    void the_key_claude_is_given_stays_out_of_its_logs_whatever_it_prints() throws Exception {
      String key = "sk-ant-given-to-claude-0123456789";
      script(
          bin(),
          "claude",
          "echo \"my key is $ANTHROPIC_API_KEY\"\necho \"$ANTHROPIC_API_KEY\" >&2\n"
              + WRITES_FILES);
      Map<String, String> environment = new java.util.HashMap<>(environment(bin()));
      environment.put("ANTHROPIC_API_KEY", key);
      TaskAssignment assignment = assignment(temp.resolve("ws"));

      new ClaudeCodeAgent(
              new ClaudeCode(
                  AgentProcess.locate("claude", environment, ClaudeCode.INSTALL_HINT),
                  environment,
                  "sonnet",
                  7,
                  false,
                  List.of(),
                  false,
                  Secrets.of(environment, List.of()),
                  usage -> {},
                  Sandbox.none()))
          .execute(assignment);

      assertThat(assignment.workspace().read(".agent/stdout.log"))
          .contains("my key is")
          .doesNotContain(key);
      assertThat(assignment.workspace().read(".agent/stderr.log")).doesNotContain(key);
    }

    @Test
    void the_result_gives_tokens_with_cache_tokens_cost_session_turns_duration_and_subtype()
        throws Exception {
      AgentResult result = execute(WRITES_FILES);

      assertThat(result.usage())
          .isEqualTo(new TokenUsage(12, 210, 15000, 2048, new BigDecimal("0.0123")));
      assertThat(result.details())
          .containsEntry("session_id", "sess-1")
          .containsEntry("num_turns", "2")
          .containsEntry("duration_ms", "5120")
          .containsEntry("subtype", "success");
      assertThat(result.summary()).isEqualTo("Wrote the API.");
    }

    @Test
    void turns_and_tool_uses_are_reported_as_progress() throws Exception {
      script(bin(), "claude", WRITES_FILES);
      List<String> progress = new CopyOnWriteArrayList<>();

      new ClaudeCodeAgent(claude(false))
          .execute(assignment(temp.resolve("ws"), Map.of(), progress));

      assertThat(progress)
          .containsExactly(
              "claude started (claude-sonnet-4-5)",
              "turn 1: Write src/api/todos.py",
              "turn 2: Wrote the API and its README.");
    }

    @Test
    void runs_headless_with_stream_json_accepting_edits_with_the_model_and_turn_limit()
        throws Exception {
      execute(WRITES_FILES);

      assertThat(recorded("argv.txt").lines())
          .containsSubsequence("-p", "--output-format", "stream-json", "--verbose")
          .containsSubsequence("--model", "sonnet")
          .containsSubsequence("--max-turns", "7")
          .containsSubsequence("--permission-mode", "acceptEdits")
          .doesNotContain("--dangerously-skip-permissions");
    }

    @Test
    void skips_permissions_only_when_asked_to() throws Exception {
      script(bin(), "claude", WRITES_FILES);

      new ClaudeCodeAgent(claude(true)).execute(assignment(temp.resolve("ws")));

      assertThat(recorded("argv.txt").lines())
          .contains("--dangerously-skip-permissions")
          .doesNotContain("--permission-mode", "acceptEdits");
    }

    @Test
    void the_prompt_on_standard_input_holds_the_requirement_the_whole_plan_and_the_task()
        throws Exception {
      execute(WRITES_FILES);

      assertThat(recorded("stdin.txt"))
          .contains(FakeAgents.REQUIREMENT)
          .contains("- task_1 \"Data model\"", "- task_2 \"REST API\", after task_1 (your task)")
          .contains("## Your task: task_2 — REST API", "- REST API works", "src/api/**");
    }

    @Test
    void dependency_files_are_in_the_workspace_while_it_works_and_only_changed_ones_stay()
        throws Exception {
      Path raw = temp.resolve("out/executor_1/task_1");
      Files.createDirectories(raw.resolve("src/models"));
      Path model = Files.writeString(raw.resolve("src/models/todo.py"), "class Todo: pass\n");
      Path schema =
          Files.writeString(raw.resolve("src/models/schema.sql"), "create table todo();\n");
      script(
          bin(),
          "claude",
          "cat > \"$here/stdin.txt\"\nls -R src > \"$here/seen.txt\"\n"
              + "echo 'class Todo: done = False' > src/models/todo.py\n"
              + "echo '{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"result\":\"ok\"}'\n");
      TaskAssignment assignment =
          assignment(
              temp.resolve("ws"),
              Map.of("task_1", List.of(model, schema)),
              new CopyOnWriteArrayList<>());

      new ClaudeCodeAgent(claude(false)).execute(assignment);

      assertThat(recorded("seen.txt")).contains("todo.py", "schema.sql");
      assertThat(recorded("stdin.txt"))
          .contains("- task_1: src/models/todo.py, src/models/schema.sql");
      assertThat(assignment.workspace().files())
          .contains("src/models/todo.py")
          .doesNotContain("src/models/schema.sql");
    }

    @Test
    void tokens_are_those_of_every_model_it_used_and_the_cost_an_exact_decimal() throws Exception {
      // One run with a subagent: usage counts the main loop only, modelUsage every request.
      AgentResult result =
          execute(
              INIT
                  + "echo '{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,"
                  + "\"result\":\"ok\",\"total_cost_usd\":0.04839500000000001,"
                  + "\"usage\":{\"input_tokens\":6,\"output_tokens\":500,"
                  + "\"cache_read_input_tokens\":3000},\"modelUsage\":{"
                  + "\"claude-sonnet-4-5\":{\"inputTokens\":6,\"outputTokens\":500,"
                  + "\"cacheReadInputTokens\":3000,\"cacheCreationInputTokens\":0,"
                  + "\"costUSD\":0.0400},"
                  + "\"claude-haiku-4-5\":{\"inputTokens\":3000,\"outputTokens\":153,"
                  + "\"cacheReadInputTokens\":0,\"cacheCreationInputTokens\":0,"
                  + "\"costUSD\":0.008395}}}'\n");

      assertThat(result.usage())
          .isEqualTo(new TokenUsage(3006, 653, 3000, 0, new BigDecimal("0.048395")));
      assertThat(result.usage().costUsd().toPlainString()).isEqualTo("0.048395");
      assertThat(result.details()).containsEntry("model", "claude-sonnet-4-5");
    }

    @Test
    void what_claude_was_refused_is_listed_in_the_details() throws Exception {
      AgentResult result =
          execute(
              INIT
                  + "echo '{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,"
                  + "\"result\":\"could not run the tests\",\"permission_denials\":["
                  + "{\"tool_name\":\"Bash\",\"tool_use_id\":\"t1\","
                  + "\"tool_input\":{\"command\":\"pytest -q\"}},"
                  + "{\"tool_name\":\"Write\",\"tool_use_id\":\"t2\","
                  + "\"tool_input\":{\"file_path\":\"/etc/hosts\"}}]}'\n");

      assertThat(result.details())
          .containsEntry(AgentResult.REFUSED, "Bash pytest -q; Write /etc/hosts");
    }

    @Test
    void a_key_claude_prints_or_writes_is_masked_in_its_log_and_in_its_files() throws Exception {
      String key = "sk-ant-api03-test-key-0123456789";
      script(
          bin(),
          "claude",
          INIT
              + "echo \"token: $ANTHROPIC_API_KEY\" > leaked.txt\n"
              + "echo '{\"type\":\"assistant\",\"message\":{\"id\":\"m1\",\"content\":"
              + "[{\"type\":\"text\",\"text\":\"the key is '\"$ANTHROPIC_API_KEY\"'\"}]}}'\n"
              + "echo '{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,"
              + "\"result\":\"ok\"}'\n");
      Map<String, String> environment = new java.util.HashMap<>(environment(bin()));
      environment.put("ANTHROPIC_API_KEY", key);
      ClaudeCode claude =
          new ClaudeCode(
              AgentProcess.locate("claude", environment, ClaudeCode.INSTALL_HINT),
              environment,
              null,
              null,
              false,
              List.of(),
              false,
              Secrets.of(List.of(key)),
              usage -> {},
              Sandbox.none());
      TaskAssignment assignment = assignment(temp.resolve("ws"));

      new ClaudeCodeAgent(claude).execute(assignment);

      assertThat(assignment.workspace().read(".agent/stdout.log"))
          .contains("the key is " + Secrets.MASK)
          .doesNotContain(key);
      assertThat(assignment.workspace().read("leaked.txt")).isEqualTo("token: [secret]\n");
    }

    @Test
    void sessions_are_not_kept_unless_asked() throws Exception {
      execute(WRITES_FILES);

      assertThat(recorded("argv.txt")).contains("--no-session-persistence");
    }

    @Test
    void lines_that_are_not_json_events_are_skipped() throws Exception {
      AgentResult result =
          execute(
              "echo 'Warning: a newer version is available'\necho '{not json'\necho '[1,2]'\n"
                  + WRITES_FILES);

      assertThat(result.details()).containsEntry("session_id", "sess-1");
    }
  }

  @Nested
  class WhenClaudeFails {

    @ParameterizedTest(name = "{0} → retryable {2}")
    @CsvSource(
        delimiter = '|',
        value = {
          "Invalid API key · Please run /login | null | false",
          "Credit balance is too low | null | false",
          "API Error: 529 Overloaded | 529 | true",
          "API Error: 500 Internal server error | null | true"
        })
    void an_error_result_fails_with_claudes_message(
        String message, String status, boolean retryable) throws Exception {
      String body =
          INIT
              + "echo '{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":true,\"result\":\""
              + message
              + "\",\"api_error_status\":"
              + status
              + ",\"session_id\":\"sess-9\",\"total_cost_usd\":0}'\nexit 1\n";

      assertThatThrownBy(() -> execute(body))
          .isInstanceOf(AgentException.class)
          .hasMessageContaining("claude reported an error: " + message)
          .hasMessageContaining("sess-9")
          .satisfies(e -> assertThat(((AgentException) e).retryable()).isEqualTo(retryable));
    }

    @Test
    void reaching_the_turn_limit_is_not_retried_and_says_to_raise_it() throws Exception {
      String body =
          INIT
              + "echo '{\"type\":\"result\",\"subtype\":\"error_max_turns\",\"is_error\":true,"
              + "\"num_turns\":7,\"session_id\":\"sess-1\",\"errors\":[]}'\nexit 1\n";

      assertThatThrownBy(() -> execute(body))
          .isInstanceOf(AgentException.class)
          .hasMessageContaining("turn limit of --max-turns 7 after 7 turns")
          .hasMessageContaining("raise --max-turns")
          .satisfies(e -> assertThat(((AgentException) e).retryable()).isFalse());
    }

    @Test
    void a_crash_without_a_result_is_retryable_and_shows_the_exit_status_and_standard_error()
        throws Exception {
      String body = INIT + "echo 'Segmentation fault' >&2\nexit 139\n";

      assertThatThrownBy(() -> execute(body))
          .isInstanceOf(AgentException.class)
          .hasMessageContaining("claude exited without a result (exit status 139 after")
          .hasMessageContaining("Segmentation fault")
          .satisfies(e -> assertThat(((AgentException) e).retryable()).isTrue());
    }

    @Test
    void output_that_is_all_garbage_is_a_run_without_a_result() throws Exception {
      String body =
          "echo 'Error: When using --print, --output-format=stream-json requires --verbose'\necho oops\n";

      assertThatThrownBy(() -> execute(body))
          .hasMessageContaining("claude exited without a result (exit status 0")
          .hasMessageContaining("2 lines of its output were not JSON events");
    }

    @Test
    void a_program_that_exits_at_once_without_a_word_refused_to_run_and_is_not_retried()
        throws Exception {
      assertThatThrownBy(() -> execute("echo \"error: unknown option '--bogus'\" >&2\nexit 1\n"))
          .isInstanceOf(AgentException.class)
          .hasMessageContaining("claude refused to run (exit status 1")
          .hasMessageContaining("unknown option '--bogus'")
          .hasMessageContaining("--claude-arg")
          .satisfies(e -> assertThat(((AgentException) e).retryable()).isFalse());
    }

    @Test
    void skipping_permissions_as_root_is_refused_for_good_and_names_is_sandbox() throws Exception {
      String refusal =
          "echo '--dangerously-skip-permissions cannot be used with root/sudo privileges for"
              + " security reasons' >&2\nexit 1\n";

      assertThatThrownBy(() -> execute(refusal))
          .isInstanceOf(AgentException.class)
          .hasMessageContaining("cannot be used with root/sudo")
          .hasMessageContaining("IS_SANDBOX=1")
          .satisfies(e -> assertThat(((AgentException) e).retryable()).isFalse());
    }

    @Test
    void an_attempt_stopped_at_the_turn_limit_still_reports_what_it_cost() throws Exception {
      String body =
          INIT
              + "echo '{\"type\":\"result\",\"subtype\":\"error_max_turns\",\"is_error\":true,"
              + "\"num_turns\":7,\"total_cost_usd\":0.011,\"usage\":{\"input_tokens\":900,"
              + "\"output_tokens\":100}}'\nexit 1\n";

      assertThatThrownBy(() -> execute(body))
          .isInstanceOf(AgentException.class)
          .satisfies(
              e ->
                  assertThat(((AgentException) e).usage())
                      .isEqualTo(new TokenUsage(900, 100, 0, 0, new BigDecimal("0.011"))));
    }

    @Test
    void a_missing_binary_says_to_install_claude_code_or_choose_another_executor() {
      assertThatThrownBy(() -> claude(false))
          .isInstanceOf(ConfigurationException.class)
          .hasMessage("claude was not found on PATH; " + ClaudeCode.INSTALL_HINT);
    }

    @Test
    void a_binary_that_is_not_executable_says_so() throws Exception {
      Path file = script(bin(), "claude", WRITES_FILES);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

      assertThatThrownBy(() -> claude(false))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(file + " is not executable; make it executable (chmod +x");
    }

    @Test
    void a_binary_removed_after_setup_fails_the_attempt_permanently() throws Exception {
      Path file = script(bin(), "claude", WRITES_FILES);
      ClaudeCode claude = claude(false);
      Files.delete(file);

      assertThatThrownBy(() -> new ClaudeCodeAgent(claude).execute(assignment(temp.resolve("ws"))))
          .isInstanceOf(AgentException.class)
          .hasMessageContaining("cannot start " + file)
          .satisfies(e -> assertThat(((AgentException) e).retryable()).isFalse());
    }
  }

  @Nested
  class WhenClaudeHangs {

    @Test
    void the_task_timeout_ends_claude_and_every_process_it_started() throws Exception {
      script(bin(), "claude", INIT + "sleep 300 &\necho \"$$ $!\" > \"$here/pids.txt\"\nwait\n");
      RunOutcome outcome =
          Orchestrator.builder()
              .maxExecutors(1)
              .outputDirectory(temp.resolve("out"))
              .retryPolicy(new RetryPolicy(Duration.ofSeconds(2), 0, Duration.ZERO, Duration.ZERO))
              .agents(executor -> new ClaudeCodeAgent(claude(false)))
              .build()
              .execute(FakeAgents.plan());

      TaskResult first = outcome.record().results().get(0);
      assertThat(first.attempts())
          .extracting(Attempt::outcome)
          .containsExactly(Attempt.Outcome.TIMED_OUT);
      List<Long> pids =
          List.of(recorded("pids.txt").strip().split(" ")).stream().map(Long::valueOf).toList();
      assertThat(pids).hasSize(2);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(pids)
                      .noneMatch(
                          pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
    }
  }
}
