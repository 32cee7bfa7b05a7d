package dev.orchestrator.repo;

import static dev.orchestrator.repo.TestRepository.commit;
import static dev.orchestrator.repo.TestRepository.environment;
import static dev.orchestrator.repo.TestRepository.git;
import static dev.orchestrator.repo.TestRepository.init;
import static dev.orchestrator.repo.TestRepository.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's tree is never touched: a dirty work tree (a modified tracked file, a staged change, an
 * untracked file, an ignored file, a touched but unchanged file, a stash entry, a hook) is byte for
 * byte the same after everything repository mode does to the repository.
 */
class UsersTreeTest {

  @TempDir Path temp;
  Path home;
  Path dir;

  @BeforeEach
  void makeDirtyRepository() throws IOException {
    TestRepository.assumeGit();
    home = Files.createDirectories(temp.resolve("home"));
    dir = init(temp.resolve("repo"), home);
    write(dir.resolve(".gitignore"), "*.log\n");
    write(dir.resolve("src/b.txt"), "b\n");
    git(dir, home, "add", "-A");
    commit(dir, home, "Second");
    write(dir.resolve("src/b.txt"), "stashed change\n");
    git(dir, home, "stash", "push", "-q", "-m", "user's stash");
    write(dir.resolve("src/a.txt"), "one\ntwo\nthree\nuser's line\n");
    write(dir.resolve("README.md"), "# staged by the user\n");
    git(dir, home, "add", "README.md");
    write(dir.resolve("notes.txt"), "user's untracked notes\n");
    // Unchanged but touched: a git status that refreshes the index would rewrite it.
    Files.setLastModifiedTime(dir.resolve(".gitignore"), FileTime.fromMillis(1_000_000_000_000L));
    write(dir.resolve("debug.log"), "user's ignored log\n");
    Path hook = dir.resolve(".git/hooks/pre-commit");
    Files.writeString(hook, "#!/bin/sh\nexit 1\n");
    Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void a_dirty_tree_is_byte_for_byte_the_same_after_snapshot_worktrees_commits_merges_and_removal()
      throws IOException {
    Map<String, String> before = fingerprint();
    GitRepository repository = GitRepository.open(dir.resolve("src"), environment(home));

    assertThat(repository.uncommittedChanges())
        .containsExactlyInAnyOrder(
            "modified: src/a.txt", "modified: README.md", "untracked: notes.txt");
    String base = repository.snapshotUncommitted();
    repository.createBranch("orchestrator/run", base);
    MergeQueue queue = new MergeQueue(repository, "orchestrator/run");
    Worktrees worktrees = repository.worktrees();
    Path runDir = repository.gitDir().resolve("orchestrator/run");
    for (String task : List.of("task_1", "task_2")) {
      Path worktree =
          worktrees.add(runDir.resolve(task), "orchestrator/run-" + task, "orchestrator/run");
      write(worktree.resolve("src/" + task + ".txt"), task + "\n");
      String commit =
          TaskCommits.commitAll(repository, worktree, task + ": add a file").orElseThrow().commit();
      TaskCommits.patch(repository, base, commit);
      queue.merge(commit, "Merge " + task);
      assertThat(worktrees.removeIfClean(worktree)).isTrue();
      repository.deleteBranch("orchestrator/run-" + task, commit);
    }
    Path verify = worktrees.addDetached(temp.resolve("verify"), "orchestrator/run");
    write(verify.resolve("test-output.txt"), "left by a test run\n");
    assertThat(worktrees.removeIfClean(verify)).isFalse();
    worktrees.prune();
    worktrees.list();
    repository.lastCommitTouching(base, "orchestrator/run", "src/task_1.txt");

    assertThat(fingerprint()).isEqualTo(before);
    assertThat(git(dir, home, "show", "orchestrator/run:notes.txt"))
        .isEqualTo("user's untracked notes");
  }

  /**
   * A digest of each file of the work tree (content, permissions, time of change) and of the git
   * directory's files that are the user's: {@code HEAD}, the index, the branch, the stash and its
   * log, the configuration, the hooks and whether refs were packed.
   */
  private Map<String, String> fingerprint() throws IOException {
    Map<String, String> digests = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .filter(Files::isRegularFile)
          .filter(file -> !file.startsWith(dir.resolve(".git")))
          .forEach(file -> digests.put(dir.relativize(file).toString(), digest(file, true)));
    }
    try (Stream<Path> hooks = Files.list(dir.resolve(".git/hooks"))) {
      hooks.forEach(hook -> digests.put(dir.relativize(hook).toString(), digest(hook, true)));
    }
    for (String name :
        List.of(
            "HEAD",
            "index",
            "config",
            "refs/heads/main",
            "refs/stash",
            "logs/refs/stash",
            "logs/HEAD")) {
      Path file = dir.resolve(".git").resolve(name);
      assertThat(file).as("the fixture made %s", name).exists();
      digests.put(".git/" + name, digest(file, false));
    }
    Path packed = dir.resolve(".git/packed-refs");
    digests.put(".git/packed-refs", Files.exists(packed) ? digest(packed, false) : "absent");
    return digests;
  }

  private static String digest(Path file, boolean withTimes) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(Files.readAllBytes(file));
      String attributes = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
      if (withTimes) {
        attributes += " " + Files.getLastModifiedTime(file);
      }
      return HexFormat.of().formatHex(sha.digest()) + " " + attributes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
