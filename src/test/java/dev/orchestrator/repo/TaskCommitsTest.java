package dev.orchestrator.repo;

import static dev.orchestrator.repo.TestRepository.environment;
import static dev.orchestrator.repo.TestRepository.git;
import static dev.orchestrator.repo.TestRepository.init;
import static dev.orchestrator.repo.TestRepository.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.repo.TaskCommits.FileChange;
import dev.orchestrator.repo.TaskCommits.TaskCommit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskCommitsTest {

  @TempDir Path temp;
  Path home;
  Path dir;
  GitRepository repository;
  Path worktree;

  @BeforeEach
  void makeTaskWorktree() throws IOException {
    TestRepository.assumeGit();
    home = Files.createDirectories(temp.resolve("home"));
    dir = init(temp.resolve("repo"), home);
    repository = GitRepository.open(dir, environment(home));
    worktree =
        repository.worktrees().add(temp.resolve("run/task_1"), "orchestrator/run/task_1", "HEAD");
  }

  @Test
  void commits_every_change_on_the_task_branch_with_the_orchestrators_identity()
      throws IOException {
    write(worktree.resolve("src/a.txt"), "one\nTWO\nthree\nfour\n");
    write(worktree.resolve("src/new.py"), "print('hi')\n");
    Files.delete(worktree.resolve("README.md"));
    Files.write(worktree.resolve("logo.bin"), new byte[] {0, 1, 2, 0, 3});

    TaskCommit commit =
        TaskCommits.commitAll(repository, worktree, "task_1: Add a greeting").orElseThrow();

    assertThat(repository.resolve("orchestrator/run/task_1")).isEqualTo(commit.commit());
    assertThat(git(dir, home, "log", "-1", "--format=%an <%ae>|%cn|%s", commit.commit()))
        .isEqualTo(
            "Parallel Task Orchestrator <orchestrator@localhost>|Parallel Task Orchestrator|task_1: Add a greeting");
    assertThat(commit.changes())
        .containsExactlyInAnyOrder(
            new FileChange("README.md", 0, 1),
            new FileChange("logo.bin", -1, -1),
            new FileChange("src/a.txt", 2, 1),
            new FileChange("src/new.py", 1, 0));
    assertThat(git(worktree, home, "status", "--porcelain")).isEmpty();
  }

  @Test
  void commits_nothing_when_nothing_changed() {
    String before = repository.resolve("orchestrator/run/task_1");

    assertThat(TaskCommits.commitAll(repository, worktree, "task_1: nothing")).isEmpty();
    assertThat(repository.resolve("orchestrator/run/task_1")).isEqualTo(before);
  }

  @Test
  void counts_what_an_agent_committed_itself_since_the_worktree_was_cut() {
    String base = repository.head();
    write(worktree.resolve("src/agent.txt"), "committed by the agent\n");
    git(worktree, home, "add", "-A");
    TestRepository.commit(worktree, home, "agent's own commit");

    assertThat(TaskCommits.commitAll(repository, worktree, "task_1: nothing left", base))
        .hasValueSatisfying(
            commit -> {
              assertThat(commit.commit()).isEqualTo(repository.resolve("orchestrator/run/task_1"));
              assertThat(commit.changes()).containsExactly(new FileChange("src/agent.txt", 1, 0));
            });
    assertThat(git(dir, home, "log", "-1", "--format=%s", "orchestrator/run/task_1"))
        .isEqualTo("agent's own commit");
    write(worktree.resolve("src/more.txt"), "left uncommitted\n");
    assertThat(
            TaskCommits.commitAll(repository, worktree, "task_1: the rest", base)
                .orElseThrow()
                .changes())
        .extracting(FileChange::path)
        .containsExactly("src/agent.txt", "src/more.txt");
  }

  @Test
  void runs_none_of_the_repositorys_hooks_and_needs_no_user_name() throws IOException {
    Path marker = temp.resolve("hook-ran");
    for (String hook :
        new String[] {"pre-commit", "commit-msg", "post-commit", "prepare-commit-msg"}) {
      Path script = dir.resolve(".git/hooks/" + hook);
      Files.writeString(script, "#!/bin/sh\necho " + hook + " >> '" + marker + "'\nexit 1\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }
    assertThat(dir.resolve(".git/config")).content().doesNotContain("[user]");
    assertThat(home).isEmptyDirectory();
    write(worktree.resolve("src/a.txt"), "changed\n");

    assertThat(TaskCommits.commitAll(repository, worktree, "task_1: change")).isPresent();
    assertThat(marker).doesNotExist();
  }

  @Test
  void the_patch_applies_to_the_base_and_reproduces_the_task() throws IOException {
    String base = repository.head();
    write(worktree.resolve("src/a.txt"), "one\n2\nthree\n");
    Files.write(worktree.resolve("logo.bin"), new byte[] {0, 1, 2, 0, 3});
    TaskCommit commit = TaskCommits.commitAll(repository, worktree, "task_1: change").orElseThrow();

    String patch = TaskCommits.patch(repository, base, commit.commit());
    Path check = repository.worktrees().addDetached(temp.resolve("run/check"), base);
    Files.writeString(temp.resolve("task.patch"), patch);
    git(check, home, "apply", "--index", temp.resolve("task.patch").toString());

    assertThat(patch).contains("diff --git a/src/a.txt b/src/a.txt", "GIT binary patch");
    assertThat(git(check, home, "write-tree"))
        .isEqualTo(git(dir, home, "rev-parse", commit.commit() + "^{tree}"));
    assertThat(TaskCommits.diffStat(repository, base, commit.commit())).isEqualTo(commit.changes());
  }
}
