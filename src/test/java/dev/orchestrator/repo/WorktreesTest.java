package dev.orchestrator.repo;

import static dev.orchestrator.repo.TestRepository.environment;
import static dev.orchestrator.repo.TestRepository.init;
import static dev.orchestrator.repo.TestRepository.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorktreesTest {

  @TempDir Path temp;
  Path home;
  Path dir;
  GitRepository repository;
  Worktrees worktrees;

  @BeforeEach
  void makeRepository() throws IOException {
    TestRepository.assumeGit();
    home = Files.createDirectories(temp.resolve("home"));
    dir = init(temp.resolve("repo"), home);
    repository = GitRepository.open(dir, environment(home));
    worktrees = repository.worktrees();
  }

  @Test
  void adds_a_worktree_on_a_new_branch_with_the_whole_repository_checked_out() {
    Path worktree =
        worktrees.add(temp.resolve("run/worktrees/task_1"), "orchestrator/r/task_1", "HEAD");

    assertThat(worktree.resolve("src/a.txt")).hasContent("one\ntwo\nthree");
    assertThat(worktrees.list())
        .contains(
            new Worktree(
                worktree, repository.head(), Optional.of("orchestrator/r/task_1"), false, false));
    assertThat(worktrees.list().get(0).path()).isEqualTo(repository.workTree());
  }

  @Test
  void executors_add_list_and_remove_worktrees_at_the_same_time_without_git_tripping_on_each_other()
      throws Exception {
    // git reads every worktree's record while it adds or lists one, and dies on a record another
    // git is writing ("failed to read .git/worktrees/<name>/commondir").
    int threads = 8;
    int rounds = 3;
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(threads);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        all.add(
            pool.submit(
                () -> {
                  for (int r = 0; r < rounds; r++) {
                    String name = "task_" + thread + "_" + r;
                    together.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    Path worktree =
                        worktrees.add(
                            temp.resolve("run/worktrees/" + name),
                            "orchestrator/r/" + name,
                            "HEAD");
                    worktrees.list();
                    assertThat(worktrees.removeIfClean(worktree)).isTrue();
                  }
                  return null;
                }));
      }
      for (java.util.concurrent.Future<?> each : all) {
        each.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(worktrees.list()).hasSize(1);
  }

  @Test
  void adds_a_detached_worktree_at_a_commit() {
    Path worktree = worktrees.addDetached(temp.resolve("verify-base"), repository.head());

    assertThat(worktrees.list())
        .contains(new Worktree(worktree, repository.head(), Optional.empty(), false, false));
    assertThat(repository.currentBranch()).contains("main");
  }

  @Test
  void puts_worktrees_in_the_git_directory_but_never_elsewhere_in_the_work_tree() {
    Path inGitDir =
        worktrees.add(
            repository.gitDir().resolve("orchestrator/r/task_1"), "orchestrator/r/task_1", "HEAD");

    assertThat(inGitDir.resolve("README.md")).exists();
    assertThat(repository.uncommittedChanges()).isEmpty();
    assertThatThrownBy(
            () -> worktrees.add(dir.resolve("worktrees/task_2"), "orchestrator/r/task_2", "HEAD"))
        .isInstanceOf(RepositoryException.class)
        .hasMessageContaining("is inside the work tree");
    assertThat(dir.resolve("worktrees")).as("nothing made in the user's tree").doesNotExist();
    assertThat(repository.resolveIfExists("orchestrator/r/task_2")).isEmpty();
  }

  @Test
  void refuses_a_branch_that_exists_already() {
    repository.createBranch("orchestrator/r/task_1", "HEAD");

    assertThatThrownBy(() -> worktrees.add(temp.resolve("wt"), "orchestrator/r/task_1", "HEAD"))
        .isInstanceOf(RepositoryException.class)
        .hasMessageContaining("already exists");
  }

  @Test
  void removes_a_clean_worktree_and_its_record() {
    write(dir.resolve(".git/info/exclude"), "build/\n");
    Path worktree = worktrees.add(temp.resolve("wt"), "orchestrator/r/task_1", "HEAD");
    // An ignored file (build output) goes with the worktree; it holds no work.
    write(worktree.resolve("build/out.o"), "ignored output\n");

    assertThat(worktrees.removeIfClean(worktree)).isTrue();
    assertThat(worktree).doesNotExist();
    assertThat(worktrees.list()).extracting(Worktree::path).doesNotContain(worktree);
  }

  @Test
  void keeps_a_worktree_with_an_untracked_file_or_a_modification() {
    Path untracked = worktrees.add(temp.resolve("wt1"), "orchestrator/r/task_1", "HEAD");
    write(untracked.resolve("notes.txt"), "work\n");
    Path modified = worktrees.add(temp.resolve("wt2"), "orchestrator/r/task_2", "HEAD");
    write(modified.resolve("README.md"), "work\n");

    assertThat(worktrees.removeIfClean(untracked)).isFalse();
    assertThat(worktrees.removeIfClean(modified)).isFalse();
    assertThat(untracked.resolve("notes.txt")).hasContent("work");
    assertThat(modified.resolve("README.md")).hasContent("work");
    assertThat(worktrees.list()).extracting(Worktree::path).contains(untracked, modified);
  }

  @Test
  void refuses_a_place_that_holds_files() {
    write(temp.resolve("taken/mine.txt"), "mine\n");

    assertThatThrownBy(() -> worktrees.add(temp.resolve("taken"), "orchestrator/r/task_1", "HEAD"))
        .isInstanceOf(RepositoryException.class)
        .hasMessageContaining("exists and is not empty");
    assertThat(temp.resolve("taken/mine.txt")).hasContent("mine");
  }

  @Test
  void keeps_a_locked_worktree() {
    Path worktree = worktrees.add(temp.resolve("wt"), "orchestrator/r/task_1", "HEAD");
    TestRepository.git(dir, home, "worktree", "lock", worktree.toString());

    assertThat(worktrees.removeIfClean(worktree)).isFalse();
    assertThat(worktree.resolve("README.md")).exists();
    assertThat(worktrees.list())
        .filteredOn(w -> w.path().equals(worktree))
        .extracting(Worktree::locked)
        .containsExactly(true);
  }

  @Test
  void a_worktree_whose_directory_is_gone_is_pruned() throws IOException {
    Path moved = worktrees.add(temp.resolve("wt"), "orchestrator/r/task_1", "HEAD");
    // Its directory deleted behind git's back: the record is prunable, and prune drops it.
    try (var files = Files.walk(moved)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }

    assertThat(worktrees.list())
        .filteredOn(w -> w.path().equals(moved))
        .extracting(Worktree::prunable)
        .containsExactly(true);
    assertThat(worktrees.removeIfClean(moved)).isTrue();
    assertThat(worktrees.list()).extracting(Worktree::path).doesNotContain(moved);
  }
}
