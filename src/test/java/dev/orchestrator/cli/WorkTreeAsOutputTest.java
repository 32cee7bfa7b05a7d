package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.DirectorySnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's repository named with {@code -o}: the run used to replace its {@code src/}, {@code
 * tests/} and {@code README.md} under {@code --force}. It is refused before any planning, with the
 * way to work on it, and nothing in it changes.
 */
@Timeout(60)
class WorkTreeAsOutputTest {

  @TempDir Path temp;
  Path repo;
  DirectorySnapshot before;

  @BeforeEach
  void aRepositoryWithSourcesTestsAndAReadme() throws Exception {
    repo = temp.resolve("myrepo");
    Files.createDirectories(repo.resolve(".git"));
    Files.writeString(repo.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Files.createDirectories(repo.resolve("src/app"));
    Files.writeString(repo.resolve("src/app/core.py"), "def core():\n    return 1\n");
    Files.createDirectories(repo.resolve("tests"));
    Files.writeString(repo.resolve("tests/test_core.py"), "def test_core():\n    pass\n");
    Files.writeString(repo.resolve("README.md"), "# My repository\n");
    before = DirectorySnapshot.of(repo);
  }

  @Test
  void the_top_of_a_work_tree_is_refused_before_planning_even_with_force() {
    CliRun.Result result = run("Build a todo app", "-o", repo.toString(), "--force");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains(repo + " is a git work tree")
        .contains("--repo " + repo)
        .contains("choose another --output-dir");
    assertThat(result.out()).doesNotContain("Running").doesNotContain("task_1");
    assertThat(DirectorySnapshot.of(repo)).isEqualTo(before);
  }

  @Test
  void a_directory_with_files_inside_a_work_tree_is_refused_and_names_the_work_tree() {
    CliRun.Result result = run("plan", "Build a todo app", "-o", repo.resolve("src").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("is in the git work tree " + repo).contains("--repo " + repo);
    assertThat(DirectorySnapshot.of(repo)).isEqualTo(before);
  }

  @Test
  void a_new_directory_inside_a_work_tree_is_a_place_for_a_new_project() {
    Path out = repo.resolve("outputs/todo");

    CliRun.Result result = run("Build a todo app", "-o", out.toString(), "-q", "--no-verify");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(out.resolve("execution_summary.json")).isRegularFile();
    assertThat(repo.resolve("src/app/core.py")).hasContent("def core():\n    return 1");
    assertThat(repo.resolve("README.md")).hasContent("# My repository");
  }

  @Test
  void an_earlier_run_inside_a_work_tree_can_be_run_again_with_force() {
    Path out = repo.resolve("outputs/todo");
    assertThat(run("Build a todo app", "-o", out.toString(), "-q", "--no-verify").exitCode())
        .isZero();

    CliRun.Result again =
        run("Build a todo app", "-o", out.toString(), "-q", "--no-verify", "--force");

    assertThat(again.exitCode()).as(again.err()).isZero();
  }
}
