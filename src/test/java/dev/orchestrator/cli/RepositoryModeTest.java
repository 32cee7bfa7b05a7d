package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliRun.args;
import static dev.orchestrator.cli.CliRun.run;
import static dev.orchestrator.repo.TestRepository.commit;
import static dev.orchestrator.repo.TestRepository.git;
import static dev.orchestrator.repo.TestRepository.write;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.ChildJvm;
import dev.orchestrator.Json;
import dev.orchestrator.plan.Complexity;
import dev.orchestrator.plan.Effort;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.Task;
import dev.orchestrator.repo.TestRepository;
import dev.orchestrator.sandbox.BwrapProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --repo}: the tasks work on the user's repository in worktrees of their own, their changes
 * are committed and merged one at a time into {@code orchestrator/<run>}, and the user's branch,
 * index and files stay byte for byte as they were.
 */
@Timeout(120)
class RepositoryModeTest {

  @TempDir Path temp;
  Path home;
  Path repo;

  @BeforeEach
  void aRepositoryWithUncommittedWork() {
    TestRepository.assumeGit();
    home = temp.resolve("home");
    repo = temp.resolve("repo");
    git(repo, home, "init", "-q", "-b", "main");
    write(repo.resolve("src/app/core.py"), "def core():\n    return 1\n");
    write(repo.resolve("src/app/shared.py"), "value = 0\n");
    write(repo.resolve("conftest.py"), "import sys\n\nsys.path.insert(0, 'src')\n");
    write(
        repo.resolve("tests/test_core.py"),
        "from app.core import core\n\n\ndef test_core():\n    assert core() == 1\n");
    write(repo.resolve("README.md"), "# A library\n");
    git(repo, home, "add", "-A");
    commit(repo, home, "Initial commit");
    // The user's work in progress: a modified tracked file and an untracked one.
    write(repo.resolve("README.md"), "# A library\n\nhalf-written notes\n");
    write(repo.resolve("scratch.txt"), "mine\n");
  }

  private Map<String, String> environment() {
    Map<String, String> environment = new java.util.HashMap<>(TestRepository.environment(home));
    environment.put("PATH", temp.resolve("bin") + ":" + System.getenv("PATH"));
    return environment;
  }

  static Task task(String id, String... files) {
    return new Task(
        id,
        "Task " + id,
        "does it",
        2,
        Effort.LOW,
        Duration.ofMinutes(30),
        List.of("works"),
        List.of(files));
  }

  private Path plan(Map<String, List<String>> dependencies, Task... tasks) throws Exception {
    Plan plan =
        new Plan(
            "change the library",
            new Complexity(30, "", List.of(), List.of()),
            2,
            Plan.TASK_QUEUE,
            List.of(tasks),
            dependencies,
            "",
            "",
            null);
    Path file = temp.resolve("plan.json");
    Files.writeString(file, PlanJson.write(plan));
    return file;
  }

  private void agent(String body) throws Exception {
    Path file = temp.resolve("bin").resolve("my-agent");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\ntask=$1\n" + body);
    file.toFile().setExecutable(true);
  }

  private CliRun.Result runAgents(Path plan, Object... more) {
    List<Object> all = new ArrayList<>(runArguments(plan, List.<Object>of("--sandbox", "off")));
    all.addAll(List.of(more));
    return run(environment(), args(all.toArray()));
  }

  private List<Object> runArguments(Path plan, List<Object> more) {
    List<Object> all =
        new ArrayList<>(
            List.of(
                "run",
                "--plan",
                plan,
                "--repo",
                repo,
                "--executor",
                "command",
                "--agent-command",
                "my-agent {task_id}"));
    all.addAll(more);
    return all;
  }

  /**
   * Shell lines that make the named tasks' attempts meet: round r (1 for the first run, 2 for the
   * rerun after a conflict) of one of them goes on once {@code need[r - 1]} of them reached round
   * r, or after 20 s. So their worktrees are cut from the same head, however the executor threads
   * happen to be scheduled.
   */
  static String sideBySide(Path dir, List<String> tasks, int... need) {
    StringBuilder rounds = new StringBuilder();
    for (int r = 1; r <= need.length; r++) {
      rounds.append(r).append(") need=").append(need[r - 1]).append(" ;; ");
    }
    return "b='"
        + dir
        + "'; mkdir -p \"$b\"\n"
        + "case \" "
        + String.join(" ", tasks)
        + " \" in *\" $task \"*)\n"
        + "  r=1; while [ -e \"$b/$r-$task\" ]; do r=$((r+1)); done; touch \"$b/$r-$task\"\n"
        + "  case $r in "
        + rounds
        + "*) need=0 ;; esac\n"
        + "  i=0; while [ \"$(ls \"$b\" | grep -c \"^$r-\")\" -lt \"$need\" ] && [ $i -lt 200 ];"
        + " do sleep 0.1; i=$((i+1)); done ;;\n"
        + "esac\n";
  }

  private JsonNode summary(Path runDirectory) throws Exception {
    return Json.mapper().readTree(runDirectory.resolve("execution_summary.json").toFile());
  }

  private Path onlyRun() throws Exception {
    try (Stream<Path> runs = Files.list(repo.resolve(".git/orchestrator"))) {
      return runs.findFirst().orElseThrow();
    }
  }

  @Test
  void a_simulated_run_commits_each_task_onto_its_branch_and_leaves_the_users_tree_as_it_was()
      throws Exception {
    String before = TestRepository.usersSide(repo);

    CliRun.Result result =
        run(environment(), "Add rate limiting to the API", "--repo", repo, "-m", 3);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(TestRepository.usersSide(repo)).isEqualTo(before);
    assertThat(result.out())
        .contains("Your uncommitted changes are left out of the run")
        .contains("modified: README.md")
        .contains("untracked: scratch.txt")
        .contains("Take it with: git -C " + repo.toRealPath() + " merge orchestrator/");
    Path runDirectory = onlyRun();
    JsonNode repository = summary(runDirectory).path("repository");
    String branch = repository.path("branch").asText();
    assertThat(branch).startsWith("orchestrator/add-rate-limiting");
    assertThat(repository.path("base_commit").asText())
        .isEqualTo(git(repo, home, "rev-parse", "main"));
    assertThat(repository.path("head_commit").asText())
        .isEqualTo(git(repo, home, "rev-parse", branch));
    assertThat(repository.path("tests_before").path("status").asText()).isEqualTo("passed");
    assertThat(repository.path("tests_before").path("passed").asInt()).isEqualTo(1);
    assertThat(repository.path("tests_after").path("status").asText()).isEqualTo("passed");
    assertThat(result.out()).contains("Tests before the run: 1 passed, 0 failed");
    int tasks = summary(runDirectory).path("tasks").size();
    String log = git(repo, home, "log", "--no-merges", "--format=%s", "main.." + branch);
    assertThat(log.lines()).hasSize(tasks);
    for (JsonNode task : summary(runDirectory).path("tasks")) {
      assertThat(task.path("details").path("merge").asText()).isEqualTo("clean");
      assertThat(runDirectory.resolve("executor_" + task.path("executor_id").asInt()))
          .isDirectoryContaining("glob:**/" + task.path("id").asText() + ".patch");
    }
    // Only the user's worktree is left, and only the run's branch was added.
    assertThat(git(repo, home, "worktree", "list").lines()).hasSize(1);
    assertThat(git(repo, home, "branch", "--format=%(refname:short)").lines())
        .containsExactlyInAnyOrder("main", branch);
  }

  @Test
  void a_task_sees_the_repository_and_its_dependencys_merged_work() throws Exception {
    agent(
        """
        case $task in
          task_1) printf 'def limit():\\n    return 10\\n' > src/app/limits.py ;;
          task_2) grep -q 'def limit' src/app/limits.py && grep -q 'def core' src/app/core.py \\
                    && printf 'from app.limits import limit\\n' >> src/app/core.py ;;
        esac
        """);
    Path plan =
        plan(
            Map.of("task_2", List.of("task_1")),
            task("task_1", "src/app/limits.py"),
            task("task_2", "src/app/core.py"));

    CliRun.Result result = runAgents(plan, "--no-verify");

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    String branch = summary(onlyRun()).path("repository").path("branch").asText();
    assertThat(git(repo, home, "show", branch + ":src/app/core.py"))
        .isEqualTo("def core():\n    return 1\nfrom app.limits import limit");
    assertThat(git(repo, home, "show", branch + ":src/app/limits.py"))
        .isEqualTo("def limit():\n    return 10");
  }

  @Test
  void two_tasks_that_edit_the_same_line_merge_once_the_second_ran_again_on_the_first()
      throws Exception {
    // Each writes its value over the line it finds unchanged; on top of the other's, it adds one.
    agent(
        sideBySide(temp.resolve("met"), List.of("task_1", "task_2"), 2)
            + """
        if grep -qx 'value = 0' src/app/shared.py; then
          echo "value = '$task'" > src/app/shared.py
        else
          echo "also = '$task'" >> src/app/shared.py
        fi
        echo "$task" > src/app/$task.py
        """);
    Path plan =
        plan(Map.of(), task("task_1", "src/app/task_1.py"), task("task_2", "src/app/task_2.py"));

    CliRun.Result result = runAgents(plan, "--no-verify");

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    JsonNode summary = summary(onlyRun());
    List<String> merges = new ArrayList<>();
    summary.path("tasks").forEach(t -> merges.add(t.path("details").path("merge").asText()));
    assertThat(merges).containsExactlyInAnyOrder("clean", "rerun");
    String branch = summary.path("repository").path("branch").asText();
    String shared = git(repo, home, "show", branch + ":src/app/shared.py");
    assertThat(shared.lines()).hasSize(2).anyMatch(l -> l.startsWith("value = "));
    assertThat(shared).contains("also = ");
  }

  @Test
  void a_task_that_conflicts_again_after_its_rerun_fails_naming_the_file_and_keeps_its_branch()
      throws Exception {
    // Three tasks rewrite one line from the same head: one merges, the other two collide with it
    // and run again side by side from the new head; the one merged second collides once more.
    agent(
        sideBySide(temp.resolve("met"), List.of("task_1", "task_2", "task_3"), 3, 2)
            + """
        echo "value = '$task'" > src/app/shared.py
        echo "$task" > src/app/$task.py
        """);
    Path plan =
        plan(
            Map.of("task_4", List.of("task_1", "task_2", "task_3")),
            task("task_1", "src/app/task_1.py"),
            task("task_2", "src/app/task_2.py"),
            task("task_3", "src/app/task_3.py"),
            task("task_4", "src/app/task_4.py"));

    CliRun.Result result = runAgents(plan, "-m", 3, "--no-verify");

    assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
    JsonNode summary = summary(onlyRun());
    Map<String, JsonNode> tasks = new java.util.HashMap<>();
    summary.path("tasks").forEach(t -> tasks.put(t.path("id").asText(), t));
    List<String> merges =
        Stream.of("task_1", "task_2", "task_3")
            .map(id -> tasks.get(id).path("details").path("merge").asText())
            .toList();
    assertThat(merges).contains("clean", "rerun");
    List<JsonNode> failed =
        Stream.of("task_1", "task_2", "task_3")
            .map(tasks::get)
            .filter(t -> t.path("status").asText().equals("failed"))
            .toList();
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).path("error").asText())
        .contains("src/app/shared.py")
        .contains("also after running again");
    assertThat(tasks.get("task_4").path("status").asText()).isEqualTo("skipped");
    // The failed task's work is kept on a branch of its own; nothing was resolved by taking a side.
    String kept = failed.get(0).path("id").asText();
    assertThat(git(repo, home, "branch", "--list", "orchestrator/*" + kept + "*")).isNotEmpty();
  }

  @Test
  void a_task_that_breaks_an_existing_test_gets_it_back_and_the_run_fails_while_it_still_fails()
      throws Exception {
    agent(
        """
        [ "$task" = task_1 ] && printf 'def core():\\n    return 2\\n' > src/app/core.py
        echo "$task" > src/app/$task.py
        """);
    Path plan = plan(Map.of(), task("task_1", "src/app/core.py"), task("task_2", "src/app/b.py"));

    CliRun.Result result = runAgents(plan, "--fix-rounds", 1);

    assertThat(result.exitCode()).isEqualTo(1);
    // Its fix task went to task_1 alone, and changed nothing that mattered.
    JsonNode summary = summary(onlyRun());
    assertThat(summary.path("verification").path("rounds")).hasSize(2);
    List<String> ids = new ArrayList<>();
    summary.path("tasks").forEach(t -> ids.add(t.path("id").asText()));
    assertThat(ids).containsExactlyInAnyOrder("task_1", "task_2", "task_1-fix1");
    JsonNode repository = summary.path("repository");
    assertThat(repository.path("tests_before").path("status").asText()).isEqualTo("passed");
    assertThat(repository.path("tests_after").path("status").asText()).isEqualTo("failed");
    assertThat(repository.path("tests_after").path("failing").toString()).contains("test_core");
    assertThat(result.out()).contains("failing only on the branch: ").contains("test_core");
  }

  @Test
  void a_test_that_failed_on_the_base_commit_is_reported_but_sent_to_no_task_and_fails_nothing()
      throws Exception {
    write(repo.resolve("tests/test_old.py"), "def test_old_bug():\n    assert 1 == 2\n");
    git(repo, home, "add", "tests/test_old.py");
    commit(repo, home, "A test that fails already");
    agent("echo \"$task\" > src/app/$task.py\n");
    Path plan = plan(Map.of(), task("task_1", "src/app/task_1.py"));

    CliRun.Result result = runAgents(plan);

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    JsonNode summary = summary(onlyRun());
    JsonNode verification = summary.path("verification");
    assertThat(verification.path("status").asText()).isEqualTo("passed");
    assertThat(verification.path("reason").asText())
        .contains("1 failed")
        .contains("failing before the run as well: tests/test_old.py::test_old_bug");
    assertThat(verification.path("rounds")).hasSize(1);
    assertThat(verification.path("rounds").get(0).path("failures").get(0).path("owner_tasks"))
        .isEmpty();
    assertThat(summary.path("tasks")).hasSize(1);
    JsonNode repository = summary.path("repository");
    assertThat(repository.path("tests_before").path("failing").toString()).contains("test_old_bug");
    assertThat(result.out()).doesNotContain("failing only on the branch");
  }

  @Test
  void a_confined_agent_cannot_write_the_repositorys_hooks_and_an_unconfined_one_can()
      throws Exception {
    BwrapProbe.Result probe = BwrapProbe.probe(System.getenv(), false);
    assumeTrue(probe.works(), () -> "skipped: bubblewrap does not work here: " + probe.problem());
    agent(
        """
        hooks="$(git rev-parse --git-common-dir)/hooks"
        if echo 'echo evil' > "$hooks/post-merge" 2>/dev/null; then echo wrote; else echo refused; fi > hook.txt
        """);
    Path plan = plan(Map.of(), task("task_1", "hook.txt"));
    List<Object> confined = List.of("--no-verify", "--sandbox", "bwrap", "-o", temp.resolve("on"));

    CliRun.Result on = run(environment(), args(runArguments(plan, confined).toArray()));

    assertThat(on.exitCode()).as(on.out() + on.err()).isZero();
    assertThat(git(repo, home, "show", "orchestrator/on:hook.txt")).isEqualTo("refused");
    assertThat(repo.resolve(".git/hooks/post-merge")).doesNotExist();

    CliRun.Result off = runAgents(plan, "--no-verify", "-o", temp.resolve("off"));

    assertThat(off.exitCode()).as(off.out() + off.err()).isZero();
    assertThat(git(repo, home, "show", "orchestrator/off:hook.txt")).isEqualTo("wrote");
    assertThat(repo.resolve(".git/hooks/post-merge")).exists();
  }

  @Test
  void worktrees_get_the_included_ignored_files_and_the_setup_command_and_neither_is_committed()
      throws Exception {
    write(repo.resolve(".gitignore"), ".env\nnode_modules/\n");
    git(repo, home, "add", ".gitignore");
    commit(repo, home, "Ignore .env");
    write(repo.resolve(".env"), "TOKEN=local\n");
    agent(
        """
        cat .env > seen-env.txt
        cat node_modules/marker > seen-setup.txt
        """);
    Path plan = plan(Map.of(), task("task_1", "seen-env.txt", "seen-setup.txt"));

    CliRun.Result result =
        runAgents(
            plan,
            "--no-verify",
            "--worktree-include",
            ".env*",
            "--setup-command",
            "mkdir -p node_modules && echo installed > node_modules/marker");

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    String branch = summary(onlyRun()).path("repository").path("branch").asText();
    assertThat(git(repo, home, "show", branch + ":seen-env.txt")).isEqualTo("TOKEN=local");
    assertThat(git(repo, home, "show", branch + ":seen-setup.txt")).isEqualTo("installed");
    assertThat(git(repo, home, "ls-tree", "-r", "--name-only", branch).lines())
        .doesNotContain(".env", "node_modules/marker");
    assertThat(summary(onlyRun()).path("tasks").get(0).path("details").path("setup").asText())
        .startsWith("mkdir -p node_modules")
        .endsWith("exit 0");
  }

  @Test
  void verify_tests_the_runs_branch_again_and_merges_its_repairs_onto_it() throws Exception {
    agent(
        """
        case $task in
          task_1) printf 'def core():\\n    return 2\\n' > src/app/core.py ;;
          task_1-fix*) printf 'def core():\\n    return 1\\n' > src/app/core.py ;;
        esac
        """);
    Path plan = plan(Map.of(), task("task_1", "src/app/core.py"));
    assertThat(runAgents(plan, "--fix-rounds", 0).exitCode()).isEqualTo(1);
    Path run = onlyRun();
    String usersSide = TestRepository.usersSide(repo);

    CliRun.Result result =
        run(
            environment(),
            "verify",
            run,
            "--fix-rounds",
            1,
            "--executor",
            "command",
            "--agent-command",
            "my-agent {task_id}",
            "--sandbox",
            "off");

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    JsonNode summary = summary(run);
    // Round 1 of the run, then the verify session's: failing, repaired, passing.
    assertThat(summary.path("verification").path("status").asText()).isEqualTo("passed");
    assertThat(summary.path("verification").path("rounds")).hasSize(3);
    JsonNode repository = summary.path("repository");
    assertThat(repository.path("tests_after").path("status").asText()).isEqualTo("passed");
    String branch = repository.path("branch").asText();
    assertThat(repository.path("head_commit").asText())
        .isEqualTo(git(repo, home, "rev-parse", branch));
    assertThat(git(repo, home, "show", branch + ":src/app/core.py")).contains("return 1");
    assertThat(git(repo, home, "log", "--format=%s", branch)).contains("task_1-fix1: ");
    assertThat(result.out()).contains("Take it with: git -C ");
    assertThat(TestRepository.usersSide(repo)).isEqualTo(usersSide);
  }

  @Test
  void killed_with_kill_9_and_resumed_each_tasks_commit_is_on_the_branch_once() throws Exception {
    Path reached = temp.resolve("reached");
    agent(
        "echo \"$task\" > \"src/app/$task.py\"\n"
            + "if [ \"$task\" = task_2 ] && [ ! -e '"
            + temp.resolve("resumed")
            + "' ]; then touch '"
            + reached
            + "'; exec sleep 300; fi\n");
    Path plan =
        plan(
            Map.of("task_2", List.of("task_1"), "task_3", List.of("task_2")),
            task("task_1", "src/app/task_1.py"),
            task("task_2", "src/app/task_2.py"),
            task("task_3", "src/app/task_3.py"));
    List<String> command =
        ChildJvm.orchestrator(
            "run",
            "--plan",
            plan.toString(),
            "--repo",
            repo.toString(),
            "-m",
            "1",
            "--executor",
            "command",
            "--agent-command",
            "my-agent {task_id}",
            "--sandbox",
            "off",
            "--no-verify");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("first.txt").toFile());
    builder.environment().clear();
    builder.environment().putAll(environment());
    Process first = builder.start();
    try {
      Awaitility.await().atMost(60, SECONDS).until(() -> Files.exists(reached));
    } finally {
      first.destroyForcibly(); // kill -9
      first.waitFor(30, SECONDS);
    }
    Files.createFile(temp.resolve("resumed"));

    CliRun.Result resumed = run(environment(), "resume", onlyRun());

    assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
    String branch = summary(onlyRun()).path("repository").path("branch").asText();
    assertThat(git(repo, home, "log", "--no-merges", "--format=%s", "main.." + branch).lines())
        .containsExactly("task_3: Task task_3", "task_2: Task task_2", "task_1: Task task_1");
    assertThat(git(repo, home, "show", branch + ":src/app/task_3.py")).isEqualTo("task_3");
  }

  @Test
  void the_temporal_engine_with_repo_is_refused_before_planning() {
    CliRun.Result result =
        run(environment(), "Add rate limiting", "--repo", repo, "--temporal", "localhost:7233");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--repo runs its tasks on the local engine only");
    assertThat(repo.resolve(".git/orchestrator")).doesNotExist();
  }

  @Test
  void a_directory_that_is_not_a_git_work_tree_is_a_clear_error() throws Exception {
    Path plain = Files.createDirectories(temp.resolve("plain"));

    CliRun.Result result = run(environment(), "Add rate limiting", "--repo", plain);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains(plain.toString()).contains("git");
  }
}
