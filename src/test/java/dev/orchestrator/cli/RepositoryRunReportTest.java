package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliRun.run;
import static dev.orchestrator.cli.RepositoryModeTest.task;
import static dev.orchestrator.repo.TestRepository.commit;
import static dev.orchestrator.repo.TestRepository.git;
import static dev.orchestrator.repo.TestRepository.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import dev.orchestrator.plan.Complexity;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.repo.TestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a real run on a repository ({@code --repo}) with command agents: the run's branch
 * and tests, and each task's diff from its patch, as the run leaves it and as {@code orchestrator
 * report} renders it again.
 */
@Timeout(120)
class RepositoryRunReportTest {

  @TempDir Path temp;

  @Test
  void shows_the_branch_and_each_tasks_diff_escaped_and_cut_and_renders_the_same_again()
      throws Exception {
    TestRepository.assumeGit();
    Path home = temp.resolve("home");
    Path repo = temp.resolve("repo");
    git(repo, home, "init", "-q", "-b", "main");
    write(repo.resolve("src/app/core.py"), "def core():\n    return 1\n");
    write(repo.resolve("conftest.py"), "import sys\n\nsys.path.insert(0, 'src')\n");
    write(
        repo.resolve("tests/test_core.py"),
        "from app.core import core\n\n\ndef test_core():\n    assert core() == 1\n");
    git(repo, home, "add", "-A");
    commit(repo, home, "Initial commit");
    write(repo.resolve("scratch.txt"), "mine\n"); // the user's work, left out of the run
    // task_1 adds markup to a file and a file it did not claim; task_2 writes about 190 KB.
    Path agent = temp.resolve("bin/my-agent");
    write(
        agent,
        """
        #!/bin/sh
        case $1 in
          task_1) printf '# <script>alert(1)</script>\\n# </details></pre><details open>\\n' \\
                    >> src/app/core.py
                  echo note > 'notes-<i>.txt' ;;
          task_2) seq 1 20000 | sed 's/^/line /' > src/app/big.txt ;;
        esac
        """);
    agent.toFile().setExecutable(true);
    Map<String, String> environment = new HashMap<>(TestRepository.environment(home));
    environment.put("PATH", agent.getParent() + ":" + System.getenv("PATH"));
    Path plan = temp.resolve("plan.json");
    Files.writeString(
        plan,
        PlanJson.write(
            new Plan(
                "change the library",
                new Complexity(30, "", List.of(), List.of()),
                2,
                Plan.TASK_QUEUE,
                List.of(task("task_1", "src/app/core.py"), task("task_2", "src/app/big.txt")),
                Map.of(),
                "",
                "",
                null)));

    CliRun.Result result =
        run(
            environment,
            "run",
            "--plan",
            plan,
            "--repo",
            repo,
            "--executor",
            "command",
            "--agent-command",
            "my-agent {task_id}",
            "--sandbox",
            "off");

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    Path runDirectory;
    try (Stream<Path> runs = Files.list(repo.resolve(".git/orchestrator"))) {
      runDirectory = runs.findFirst().orElseThrow();
    }
    JsonNode repository =
        Json.mapper()
            .readTree(runDirectory.resolve("execution_summary.json").toFile())
            .path("repository");
    String branch = repository.path("branch").asText();
    Path report = runDirectory.resolve("report.html");
    String page = Files.readString(report);
    assertThat(page)
        .contains("<dt>Branch</dt><dd><code>" + branch + "</code></dd>")
        .contains(
            "<dt>Head commit</dt><dd><code>"
                + repository.path("head_commit").asText().substring(0, 12)
                + "</code></dd>")
        .contains("<dt>Tests before the run</dt><dd>1 passed, 0 failed, 0 errors, 0 skipped")
        .contains("<dt>Tests on the branch</dt><dd>1 passed, 0 failed, 0 errors, 0 skipped")
        .contains(
            "Take it with: <code class=\"command\">git -C "
                + repo.toRealPath()
                + " merge "
                + branch
                + "</code>")
        .contains("<li><code>untracked: scratch.txt</code></li>")
        .contains("merge: <span class=\"merge clean\">clean</span>")
        .contains("<span class=\"hunk\">@@ -1,2 +1,4 @@</span>")
        .contains("<span class=\"add\">+# &lt;script&gt;alert(1)&lt;/script&gt;</span>")
        .contains("<span class=\"add\">+# &lt;/details&gt;&lt;/pre&gt;&lt;details open&gt;</span>")
        .contains("Changed outside its claimed files: notes-&lt;i&gt;.txt")
        .contains("<span class=\"add\">+line 1</span>")
        .containsPattern("\\(cut: 6\\d KiB of 2\\d\\d KiB shown\\)")
        .contains(
            "Cut here: the report shows at most 64 KiB of a task&#39;s patch; all of it is in")
        .doesNotContain("+line 20000")
        .doesNotContain("<script")
        .doesNotContain("<details open")
        .doesNotContain("<i>");
    assertThat(count(page, "<details class=\"diff\"><summary>")).isEqualTo(2);
    assertThat(count(page, "</details>")).isEqualTo(2);

    CliRun.Result again = run(environment, "report", runDirectory);

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(Files.readString(report)).isEqualTo(page);
  }

  private static int count(String text, String literal) {
    return text.split(Pattern.quote(literal), -1).length - 1;
  }
}
