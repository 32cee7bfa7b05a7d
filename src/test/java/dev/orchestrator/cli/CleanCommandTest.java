package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliRun.run;
import static dev.orchestrator.repo.TestRepository.commit;
import static dev.orchestrator.repo.TestRepository.git;
import static dev.orchestrator.repo.TestRepository.worktree;
import static dev.orchestrator.repo.TestRepository.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.repo.TestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code orchestrator clean}: what runs on a repository left behind goes, as long as it holds no
 * work; what holds work is kept and said why.
 */
@Timeout(120)
class CleanCommandTest {

  @TempDir Path temp;
  Path home;
  Path repo;
  Path run;
  String result;

  @BeforeEach
  void aRunThatKeptItsBranchesAndACrashsLeftovers() throws Exception {
    TestRepository.assumeGit();
    home = temp.resolve("home");
    repo = temp.resolve("repo");
    TestRepository.init(repo, home);
    CliRun.Result done =
        run(
            TestRepository.environment(home),
            "Add a cache",
            "--repo",
            repo,
            "--keep-branches",
            "--no-verify",
            "-q");
    assertThat(done.exitCode()).as(done.err()).isZero();
    try (Stream<Path> runs = Files.list(repo.resolve(".git/orchestrator"))) {
      run = runs.findFirst().orElseThrow();
    }
    String name = run.getFileName().toString();
    result = "orchestrator/" + name;
    // What a crash leaves: a worktree with nothing uncommitted, one with work not committed, and a
    // task branch whose commit never reached the run's branch.
    worktree(repo, home, run.resolve("worktrees/task_8-1"), result + "-task_8", "main");
    worktree(repo, home, run.resolve("worktrees/task_9-1"), result + "-task_9", "main");
    write(run.resolve("worktrees/task_9-1/unsaved.txt"), "an agent's unfinished work\n");
    Path unmerged = run.resolve("worktrees/task_7-1");
    worktree(repo, home, unmerged, result + "-task_7", "main");
    write(unmerged.resolve("new.txt"), "committed, never merged\n");
    git(unmerged, home, "add", "-A");
    commit(unmerged, home, "task_7: work");
    git(repo, home, "worktree", "remove", unmerged.toString());
  }

  @Test
  void removes_clean_worktrees_and_merged_task_branches_and_keeps_the_rest_saying_why() {
    CliRun.Result cleaned = run(TestRepository.environment(home), "clean", "--repo", repo);

    assertThat(cleaned.exitCode()).as(cleaned.err()).isZero();
    assertThat(cleaned.out())
        .contains("removed worktree " + run.resolve("worktrees/task_8-1"))
        .contains("kept   worktree " + run.resolve("worktrees/task_9-1"))
        .contains("it has changes that are not committed")
        .contains("removed branch " + result + "-task_1 (merged into " + result + ")")
        .contains("kept   branch " + result + "-task_7: not merged into " + result)
        .contains(
            "kept   branch " + result + "-task_9: the kept worktree above has it checked out");
    assertThat(run.resolve("worktrees/task_9-1/unsaved.txt")).exists();
    assertThat(git(repo, home, "worktree", "list", "--porcelain"))
        .doesNotContain("task_8-1")
        .contains("task_9-1");
    assertThat(git(repo, home, "branch", "--format=%(refname:short)").lines())
        .containsExactlyInAnyOrder("main", result, result + "-task_7", result + "-task_9");
  }

  @Test
  void a_second_clean_finds_only_what_it_kept() {
    run(TestRepository.environment(home), "clean", "--repo", repo);

    CliRun.Result again = run(TestRepository.environment(home), "clean", "--repo", repo);

    assertThat(again.out())
        .doesNotContain("removed worktree")
        .doesNotContain("removed branch")
        .contains("0 removed, 3 kept");
  }

  @Test
  void outside_a_repository_it_says_so() throws Exception {
    Path plain = Files.createDirectories(temp.resolve("plain"));

    CliRun.Result result = run(TestRepository.environment(home), "clean", "--repo", plain);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains(plain.toString());
  }
}
