package dev.orchestrator.repo;

import static dev.orchestrator.repo.TestRepository.environment;
import static dev.orchestrator.repo.TestRepository.git;
import static dev.orchestrator.repo.TestRepository.init;
import static dev.orchestrator.repo.TestRepository.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.repo.MergeQueue.AlreadyMerged;
import dev.orchestrator.repo.MergeQueue.Conflicted;
import dev.orchestrator.repo.MergeQueue.Merge;
import dev.orchestrator.repo.MergeQueue.Merged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class MergeQueueTest {

  static final String BRANCH = "orchestrator/run";

  @TempDir Path temp;
  Path home;
  Path dir;
  GitRepository repository;
  MergeQueue queue;
  String base;

  @BeforeEach
  void makeIntegrationBranch() throws IOException {
    TestRepository.assumeGit();
    home = Files.createDirectories(temp.resolve("home"));
    dir = init(temp.resolve("repo"), home);
    repository = GitRepository.open(dir, environment(home));
    base = repository.head();
    repository.createBranch(BRANCH, base);
    queue = new MergeQueue(repository, BRANCH);
  }

  /**
   * A task's commit cut from {@code from}: {@code file} written with {@code text}, on the branch
   * {@code orchestrator/run-<id>} (git cannot hold both {@code orchestrator/run} and {@code
   * orchestrator/run/<id>}).
   */
  String task(String id, String from, String file, String text) {
    Path worktree = repository.worktrees().add(temp.resolve("wt/" + id), BRANCH + "-" + id, from);
    write(worktree.resolve(file), text);
    return TaskCommits.commitAll(repository, worktree, id + ": edit " + file)
        .orElseThrow()
        .commit();
  }

  @Test
  void merges_two_tasks_that_edit_different_files_both_cleanly() {
    String first = task("task_1", base, "src/one.txt", "one\n");
    String second = task("task_2", base, "src/two.txt", "two\n");

    Merge one = queue.merge(first, "Merge task_1");
    Merge two = queue.merge(second, "Merge task_2");

    assertThat(one).isEqualTo(new Merged(first, true));
    assertThat(two)
        .isInstanceOfSatisfying(Merged.class, m -> assertThat(m.fastForward()).isFalse());
    String head = repository.resolve(BRANCH);
    assertThat(git(dir, home, "log", "-1", "--format=%P|%s", head))
        .isEqualTo(first + " " + second + "|Merge task_2");
    assertThat(git(dir, home, "show", head + ":src/one.txt")).isEqualTo("one");
    assertThat(git(dir, home, "show", head + ":src/two.txt")).isEqualTo("two");
  }

  @Test
  void names_the_file_of_a_conflict_and_leaves_the_branch_where_it_was() {
    String first = task("task_1", base, "src/a.txt", "one\nTWO by task 1\nthree\n");
    String second = task("task_2", base, "src/a.txt", "one\ntwo by task 2\nthree\n");
    queue.merge(first, "Merge task_1");

    Merge conflict = queue.merge(second, "Merge task_2");

    assertThat(conflict).isEqualTo(new Conflicted(List.of("src/a.txt"), first));
    assertThat(repository.resolve(BRANCH)).isEqualTo(first);
    assertThat(repository.lastCommitTouching(base, BRANCH, "src/a.txt").orElseThrow().subject())
        .isEqualTo("task_1: edit src/a.txt");
  }

  @Test
  void does_not_merge_a_commit_twice() {
    String first = task("task_1", base, "src/one.txt", "one\n");
    String second = task("task_2", base, "src/two.txt", "two\n");
    queue.merge(first, "Merge task_1");
    String head = ((Merged) queue.merge(second, "Merge task_2")).head();

    assertThat(queue.merge(second, "Merge task_2")).isEqualTo(new AlreadyMerged(head));
    assertThat(queue.merge(first, "Merge task_1")).isEqualTo(new AlreadyMerged(head));
    assertThat(repository.resolve(BRANCH)).isEqualTo(head);
  }

  @Test
  void fails_naming_a_commit_that_does_not_exist_and_leaves_the_branch() {
    assertThatThrownBy(() -> queue.merge("0123456789abcdef", "Merge nothing"))
        .isInstanceOf(RepositoryException.class)
        .hasMessageContaining("0123456789abcdef names no commit");
    assertThat(repository.resolve(BRANCH)).isEqualTo(base);
  }

  @Test
  void refuses_a_commit_with_no_history_in_common() {
    git(dir, home, "checkout", "-q", "--orphan", "elsewhere");
    TestRepository.commit(dir, home, "Unrelated root");
    String unrelated = git(dir, home, "rev-parse", "HEAD");

    assertThatThrownBy(() -> queue.merge(unrelated, "Merge it"))
        .isInstanceOf(RepositoryException.class)
        .hasMessageContaining("shares no history with " + BRANCH);
    assertThat(repository.resolve(BRANCH)).isEqualTo(base);
  }

  @Test
  @Timeout(120)
  void merges_every_commit_exactly_once_when_callers_race() throws Exception {
    int tasks = 8;
    List<String> commits = new ArrayList<>();
    for (int i = 1; i <= tasks; i++) {
      commits.add(task("task_" + i, base, "src/file" + i + ".txt", "task " + i + "\n"));
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Merge>> merges = new ArrayList<>();
    try {
      // Every commit is offered twice, from different threads at once.
      for (int round = 0; round < 2; round++) {
        for (String commit : commits) {
          merges.add(
              threads.submit(
                  () -> {
                    start.await();
                    return queue.merge(commit, "Merge " + commit);
                  }));
        }
      }
      start.countDown();
      List<Merge> results = new ArrayList<>();
      for (Future<Merge> merge : merges) {
        results.add(merge.get(100, TimeUnit.SECONDS));
      }

      assertThat(results).filteredOn(Merged.class::isInstance).hasSize(tasks);
      assertThat(results).filteredOn(AlreadyMerged.class::isInstance).hasSize(tasks);
    } finally {
      threads.shutdownNow();
    }
    String head = repository.resolve(BRANCH);
    for (String commit : commits) {
      assertThat(repository.isAncestor(commit, head)).isTrue();
    }
    assertThat(git(dir, home, "rev-list", "--count", "--no-merges", base + ".." + head))
        .isEqualTo(String.valueOf(tasks));
    assertThat(git(dir, home, "ls-tree", "--name-only", head + ":src"))
        .contains("file1.txt", "file8.txt");
  }
}
