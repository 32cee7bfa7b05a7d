package dev.orchestrator.repo;

import static dev.orchestrator.repo.TestRepository.commit;
import static dev.orchestrator.repo.TestRepository.environment;
import static dev.orchestrator.repo.TestRepository.git;
import static dev.orchestrator.repo.TestRepository.init;
import static dev.orchestrator.repo.TestRepository.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRepositoryTest {

  @TempDir Path temp;
  Path home;
  Path dir;

  @BeforeEach
  void makeRepository() throws IOException {
    TestRepository.assumeGit();
    home = Files.createDirectories(temp.resolve("home"));
    dir = init(temp.resolve("repo"), home);
  }

  GitRepository open(Path where) {
    return GitRepository.open(where, environment(home));
  }

  @Nested
  class Opening {

    @Test
    void finds_the_top_level_and_the_common_git_directory_from_a_subdirectory() throws IOException {
      GitRepository repository = open(dir.resolve("src"));

      assertThat(repository.workTree()).isEqualTo(dir.toRealPath());
      assertThat(repository.gitDir()).isEqualTo(dir.resolve(".git").toRealPath());
      assertThat(repository.head()).isEqualTo(git(dir, home, "rev-parse", "HEAD"));
      assertThat(repository.currentBranch()).contains("main");
      assertThat(GitRepository.isWorkTree(dir.resolve("src"), environment(home))).isTrue();
    }

    @Test
    void refuses_a_directory_outside_any_repository_as_the_users_mistake() throws IOException {
      Path plain = Files.createDirectories(temp.resolve("plain"));

      assertThatThrownBy(() -> open(plain))
          .isInstanceOf(UsageException.class)
          .hasMessageContaining("is not in a git work tree")
          .hasMessageContaining("git init");
      assertThat(GitRepository.isWorkTree(plain, environment(home))).isFalse();
    }

    @Test
    void refuses_a_bare_repository() {
      Path bare = temp.resolve("bare.git");
      git(temp, home, "init", "-q", "--bare", bare.toString());

      assertThatThrownBy(() -> open(bare))
          .isInstanceOf(UnusableRepositoryException.class)
          .hasMessageContaining("bare repository");
      assertThat(GitRepository.isWorkTree(bare, environment(home))).isFalse();
    }

    @Test
    void refuses_a_repository_without_a_commit() {
      Path empty = temp.resolve("empty");
      git(empty, home, "init", "-q");

      assertThatThrownBy(() -> open(empty))
          .isInstanceOf(UnusableRepositoryException.class)
          .hasMessageContaining("has no commit yet")
          .hasMessageContaining("git commit");
    }

    @Test
    void is_not_misled_by_git_variables_in_the_callers_environment() {
      Map<String, String> misleading = new HashMap<>(environment(home));
      misleading.put("GIT_DIR", temp.resolve("elsewhere").toString());
      misleading.put("GIT_INDEX_FILE", temp.resolve("elsewhere/index").toString());

      GitRepository repository = GitRepository.open(dir, misleading);

      assertThat(repository.trackedFiles()).containsExactly("README.md", "src/a.txt");
    }

    @Test
    void says_when_git_cannot_be_run() {
      Git missing = new Git(temp.resolve("no-git").toString(), Map.of(), GitRepository.TIMEOUT);

      assertThatThrownBy(() -> missing.requireMinimumVersion(dir))
          .isInstanceOf(UnusableRepositoryException.class)
          .hasMessageContaining("install git 2.38 or later");
    }

    @Test
    void refuses_a_git_older_than_2_38() throws IOException {
      Path old = temp.resolve("old-git");
      Files.writeString(old, "#!/bin/sh\necho 'git version 2.34.1'\n");
      Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwx------"));

      assertThatThrownBy(
              () ->
                  new Git(old.toString(), Map.of(), GitRepository.TIMEOUT)
                      .requireMinimumVersion(dir))
          .isInstanceOf(UnusableRepositoryException.class)
          .hasMessageContaining("git 2.34 is too old")
          .hasMessageContaining("2.38 or later");
    }
  }

  @Test
  void lists_modified_staged_and_untracked_files_but_not_ignored_ones() {
    write(dir.resolve(".gitignore"), "*.log\n");
    git(dir, home, "add", ".gitignore");
    write(dir.resolve("README.md"), "# changed\n");
    write(dir.resolve("notes.txt"), "mine\n");
    write(dir.resolve("build.log"), "ignored\n");

    assertThat(open(dir).uncommittedChanges())
        .containsExactlyInAnyOrder(
            "added: .gitignore", "modified: README.md", "untracked: notes.txt");
  }

  @Test
  void lists_ignored_files_and_ignored_directories_as_one_entry() {
    write(dir.resolve(".gitignore"), ".env\nnode_modules/\n");
    write(dir.resolve(".env"), "SECRET=1\n");
    write(dir.resolve("node_modules/a/index.js"), "x\n");
    write(dir.resolve("node_modules/b/index.js"), "y\n");
    write(dir.resolve("notes.txt"), "untracked, not ignored\n");

    assertThat(open(dir).ignoredFiles()).containsExactlyInAnyOrder(".env", "node_modules/");
  }

  @Test
  void a_snapshot_of_a_clean_tree_is_head() {
    GitRepository repository = open(dir);

    assertThat(repository.snapshotUncommitted()).isEqualTo(repository.head());
  }

  @Test
  void a_snapshot_takes_the_modification_and_the_untracked_file_on_top_of_head() {
    write(dir.resolve(".gitignore"), "*.log\n");
    write(dir.resolve("src/a.txt"), "one\ntwo\nthree\nfour\n");
    write(dir.resolve("notes.txt"), "mine\n");
    write(dir.resolve("build.log"), "ignored\n");
    GitRepository repository = open(dir);

    String snapshot = repository.snapshotUncommitted();

    assertThat(git(dir, home, "rev-parse", snapshot + "^")).isEqualTo(repository.head());
    assertThat(git(dir, home, "show", snapshot + ":src/a.txt")).isEqualTo("one\ntwo\nthree\nfour");
    assertThat(git(dir, home, "show", snapshot + ":notes.txt")).isEqualTo("mine");
    assertThat(git(dir, home, "ls-tree", "-r", "--name-only", snapshot))
        .doesNotContain("build.log");
  }

  @Nested
  class History {

    @Test
    void blame_names_the_commit_since_the_base_that_last_changed_each_line() {
      GitRepository repository = open(dir);
      String base = repository.head();
      write(dir.resolve("src/a.txt"), "one\nTWO\nthree\nfour\n");
      git(dir, home, "add", "-A");
      commit(dir, home, "task_1: Change two and add four");
      String first = repository.head();
      write(dir.resolve("src/a.txt"), "one\nTWO\nTHREE\nfour\n");
      git(dir, home, "add", "-A");
      commit(dir, home, "task_2: Change three");
      String second = repository.head();

      // Line 1 is older than the base: no commit of the range.
      assertThat(repository.blame(base, second, "src/a.txt"))
          .containsEntry(2, first)
          .containsEntry(3, second)
          .containsEntry(4, first)
          .doesNotContainEntry(1, first)
          .doesNotContainEntry(1, second);
      assertThat(repository.blame(base, second, "src/gone.txt")).isEmpty();
      assertThat(repository.filesAt(second)).containsExactly("README.md", "src/a.txt");
    }
  }

  @Nested
  class Branches {

    @Test
    void are_created_once_and_listed_by_prefix() {
      GitRepository repository = open(dir);
      repository.createBranch("orchestrator/run-1", repository.head());

      assertThatThrownBy(() -> repository.createBranch("orchestrator/run-1", repository.head()))
          .isInstanceOf(RepositoryException.class)
          .hasMessageContaining("exists already");
      assertThat(repository.branches("orchestrator/")).containsExactly("orchestrator/run-1");
      assertThat(repository.resolve("orchestrator/run-1")).isEqualTo(repository.head());
    }

    @Test
    void are_deleted_only_while_they_point_where_expected() {
      GitRepository repository = open(dir);
      String base = repository.head();
      repository.createBranch("orchestrator/task", base);
      write(dir.resolve("src/b.txt"), "b\n");
      git(dir, home, "add", "-A");
      commit(dir, home, "Second");
      git(dir, home, "branch", "-f", "orchestrator/task", "HEAD");

      assertThatThrownBy(() -> repository.deleteBranch("orchestrator/task", base))
          .isInstanceOf(RepositoryException.class)
          .hasMessageContaining("no longer points at " + base);
      assertThat(repository.resolveIfExists("orchestrator/task")).contains(repository.head());

      repository.deleteBranch("orchestrator/task", repository.head());
      assertThat(repository.resolveIfExists("orchestrator/task")).isEmpty();
    }

    @Test
    void a_branch_checked_out_in_a_worktree_is_not_deleted() {
      GitRepository repository = open(dir);
      repository.worktrees().add(temp.resolve("wt"), "orchestrator/task", repository.head());

      assertThatThrownBy(() -> repository.deleteBranch("orchestrator/task", repository.head()))
          .isInstanceOf(RepositoryException.class)
          .hasMessageContaining("is checked out in");
    }

    @Test
    void resolving_a_name_that_is_no_commit_fails_or_is_empty() {
      GitRepository repository = open(dir);

      assertThat(repository.resolveIfExists("no-such-branch")).isEmpty();
      assertThatThrownBy(() -> repository.resolve("no-such-branch"))
          .isInstanceOf(RepositoryException.class)
          .hasMessageContaining("no-such-branch names no commit");
      assertThatThrownBy(() -> repository.resolve("--all"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void finds_the_last_task_commit_that_touched_a_file() {
    GitRepository repository = open(dir);
    String base = repository.head();
    write(dir.resolve("src/a.txt"), "changed\n");
    git(dir, home, "add", "-A");
    commit(dir, home, "task_3: Add rate limiter");
    write(dir.resolve("README.md"), "other\n");
    git(dir, home, "add", "-A");
    commit(dir, home, "task_4: Document it");

    assertThat(repository.lastCommitTouching(base, "HEAD", "src/a.txt"))
        .hasValueSatisfying(c -> assertThat(c.subject()).isEqualTo("task_3: Add rate limiter"));
    assertThat(repository.lastCommitTouching(repository.head(), "HEAD", "src/a.txt")).isEmpty();
    assertThat(repository.lastCommitTouching("HEAD", "src/a.txt").orElseThrow().commit())
        .isEqualTo(git(dir, home, "rev-parse", "HEAD^"));
    assertThat(repository.log(base, "HEAD"))
        .extracting(CommitSummary::subject)
        .containsExactly("task_4: Document it", "task_3: Add rate limiter");
    assertThat(repository.isAncestor(base, "HEAD")).isTrue();
    assertThat(repository.isAncestor("HEAD", base)).isFalse();
  }
}
