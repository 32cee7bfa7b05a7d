package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliRun.run;
import static dev.orchestrator.repo.TestRepository.commit;
import static dev.orchestrator.repo.TestRepository.git;
import static dev.orchestrator.repo.TestRepository.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import dev.orchestrator.plan.Complexity;
import dev.orchestrator.plan.Effort;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.Task;
import dev.orchestrator.repo.TestRepository;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository mode on a real public repository that is not ours: six (Benjamin Peterson's Python
 * 2/3 compatibility library, MIT, copied in from the test resources), its own 200 tests, and
 * command agents that edit it the way the must-show list asks.
 */
@Timeout(180)
class RealRepositoryTest {

  static final List<String> FILES =
      List.of(
          "six.py", "test_six.py", "LICENSE", "README.rst", "setup.cfg", "tox.ini", ".gitignore");

  @TempDir Path temp;

  private static Task task(String id, String name, String... files) {
    return new Task(
        id, name, name, 2, Effort.LOW, Duration.ofMinutes(30), List.of("works"), List.of(files));
  }

  @Test
  void
      six_gets_clean_merges_a_rerun_a_dependent_and_a_broken_test_repaired_and_the_users_tree_stays()
          throws Exception {
    TestRepository.assumeGit();
    // The failure goes back to the task that wrote the lines it ran, which coverage.py tells.
    assumeTrue(
        VerifyAndRepairTest.coveragePyInstalled(), "skipped: no python3 with pytest and coverage");
    Path home = temp.resolve("home");
    Path repo = temp.resolve("six");
    for (String file : FILES) {
      try (InputStream in = getClass().getResourceAsStream("/repositories/six/" + file)) {
        write(
            repo.resolve(file),
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    git(repo, home, "init", "-q", "-b", "master");
    git(repo, home, "add", "-A");
    commit(repo, home, "six at c8e3940");
    // The user's work in progress stays out of the run and exactly as it is.
    write(repo.resolve("README.rst"), "Work in progress on the README.\n");
    write(repo.resolve("scratch.py"), "print('mine')\n");
    String before = TestRepository.usersSide(repo);

    Path agent = temp.resolve("bin/six-agent");
    write(
        agent,
        "#!/bin/sh\ntask=$1\n"
            // task_c and task_d start from the same head, so the second to merge collides
            + RepositoryModeTest.sideBySide(temp.resolve("met"), List.of("task_c", "task_d"), 2)
            + """
        author='__author__ = "Benjamin Peterson <benjamin@python.org>"'
        case $task in
          task_a) printf '\\n\\ndef orchestrator_a():\\n    return "a"\\n' >> six.py ;;
          task_b) sed -i '1s/$/ (edited by task_b)/' six.py ;;
          task_c|task_d)
            # credits itself on the author line unless a task did already
            if grep -qxF "$author" six.py; then
              sed -i "s/^__author__ = \\"Benjamin Peterson <benjamin@python.org>\\"$/__author__ = \\"Benjamin Peterson <benjamin@python.org> (credited by $task)\\"/" six.py
            fi ;;
          task_e) printf '\\n\\ndef test_orchestrator_a():\\n    assert six.orchestrator_a() == "a"\\n' >> test_six.py ;;
          task_f) sed -i '0,/return s.encode("latin-1")/s//return s/' six.py ;;
          task_f-fix1) sed -i '0,/^        return s$/s//        return s.encode("latin-1")/' six.py ;;
        esac
        echo "$task" > "notes_$task.txt"
        """);
    assertThat(agent.toFile().setExecutable(true)).isTrue();
    Plan plan =
        new Plan(
            "Extend six",
            new Complexity(40, "", List.of(), List.of()),
            5,
            Plan.TASK_QUEUE,
            List.of(
                task("task_a", "Add orchestrator_a", "six.py", "notes_task_a.txt"),
                task("task_b", "Mark the header", "notes_task_b.txt"),
                task("task_c", "Credit c", "notes_task_c.txt"),
                task("task_d", "Credit d", "notes_task_d.txt"),
                task("task_e", "Test orchestrator_a", "test_six.py", "notes_task_e.txt"),
                task("task_f", "Simplify b()", "notes_task_f.txt")),
            Map.of("task_e", List.of("task_a")),
            "",
            "",
            null);
    Path planFile = temp.resolve("plan.json");
    Files.writeString(planFile, PlanJson.write(plan));
    Map<String, String> environment = new HashMap<>(TestRepository.environment(home));
    environment.put("PATH", temp.resolve("bin") + ":" + System.getenv("PATH"));

    CliRun.Result result =
        run(
            environment,
            "run",
            "--plan",
            planFile,
            "--repo",
            repo,
            "-m",
            5,
            "--executor",
            "command",
            "--agent-command",
            "six-agent {task_id}",
            "--sandbox",
            "off");

    // task_f broke test_b; its fix task repaired it.
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(TestRepository.usersSide(repo)).isEqualTo(before);
    Path runDirectory;
    try (Stream<Path> runs = Files.list(repo.resolve(".git/orchestrator"))) {
      runDirectory = runs.findFirst().orElseThrow();
    }
    JsonNode summary =
        Json.mapper().readTree(runDirectory.resolve("execution_summary.json").toFile());
    Map<String, JsonNode> tasks = new HashMap<>();
    summary.path("tasks").forEach(t -> tasks.put(t.path("id").asText(), t));
    assertThat(tasks.values()).allMatch(t -> t.path("status").asText().equals("completed"));
    // Different parts of six.py, at the same time: clean merges, the undeclared edits named.
    assertThat(merge(tasks, "task_a")).isEqualTo("clean");
    assertThat(merge(tasks, "task_b")).isEqualTo("clean");
    assertThat(merge(tasks, "task_f")).isEqualTo("clean");
    assertThat(tasks.get("task_b").path("details").path("undeclared").asText()).isEqualTo("six.py");
    // The same line: one merged clean, the other ran again on top of it and merged.
    assertThat(List.of(merge(tasks, "task_c"), merge(tasks, "task_d")))
        .containsExactlyInAnyOrder("clean", "rerun");
    String branch = summary.path("repository").path("branch").asText();
    String six = git(repo, home, "show", branch + ":six.py");
    assertThat(six).contains("def orchestrator_a():").contains("(edited by task_b)");
    assertThat(six.lines().filter(l -> l.contains("credited by task_"))).hasSize(1);
    // The tests ran on six's own sources (six is also installed in the system Python): the
    // dependent task's test of the new function passes; test_b broke on the branch, and went back
    // to task_f alone, whose line it ran (a failure's tasks come from git blame of the lines the
    // failing test ran), not to the other tasks that edited six.py or test_six.py.
    JsonNode testsBefore = summary.path("repository").path("tests_before");
    JsonNode testsAfter = summary.path("repository").path("tests_after");
    assertThat(testsBefore.path("status").asText()).isEqualTo("passed");
    assertThat(testsBefore.path("failed").asInt()).isZero();
    JsonNode rounds = summary.path("verification").path("rounds");
    assertThat(rounds).hasSize(2);
    List<JsonNode> failures = new java.util.ArrayList<>();
    rounds.get(0).path("failures").forEach(failures::add);
    assertThat(failures).anyMatch(f -> f.path("test").asText().endsWith("::test_b"));
    assertThat(failures).allMatch(f -> f.path("owner_tasks").toString().equals("[\"task_f\"]"));
    assertThat(result.out()).contains("Repair round 1: task_f-fix1");
    assertThat(merge(tasks, "task_f-fix1")).isEqualTo("clean");
    assertThat(git(repo, home, "show", branch + ":six.py"))
        .contains("        return s.encode(\"latin-1\")\n");
    assertThat(testsAfter.path("status").asText()).isEqualTo("passed");
    assertThat(testsAfter.path("failed").asInt()).isZero();
    assertThat(testsAfter.path("passed").asInt()).isEqualTo(testsBefore.path("passed").asInt() + 1);
    // No worktree but the user's; the run's branch, and the colliding first attempt's branch,
    // kept (its work was paid for) and named in the task's details.
    assertThat(git(repo, home, "worktree", "list").lines()).hasSize(1);
    String rerun = merge(tasks, "task_c").equals("rerun") ? "task_c" : "task_d";
    String kept = tasks.get(rerun).path("details").path("superseded").asText();
    assertThat(kept).startsWith(branch + "-" + rerun + " ");
    assertThat(git(repo, home, "branch", "--format=%(refname:short)").lines())
        .containsExactlyInAnyOrder("master", branch, branch + "-" + rerun);
  }

  private static String merge(Map<String, JsonNode> tasks, String id) {
    return tasks.get(id).path("details").path("merge").asText();
  }
}
