package dev.orchestrator.repo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The work tree's uncommitted state as a commit, made without the user's index. */
final class Snapshots {

  private Snapshots() {}

  /** See {@link GitRepository#snapshotUncommitted()}. */
  static String takeUncommitted(GitRepository repository) {
    Git git = repository.git();
    Path workTree = repository.workTree();
    String head = repository.head();
    Path index;
    try {
      // In the temporary directory: a crash leaves nothing in the user's repository.
      index = Files.createTempFile("orchestrator-snapshot-", ".index");
      Files.delete(index); // git makes it; an empty file is not a valid index
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a temporary index file", e);
    }
    try {
      Map<String, String> temporary = Map.of("GIT_INDEX_FILE", index.toString());
      git.run(workTree, temporary, List.of("read-tree", head)).orThrow();
      git.run(workTree, temporary, List.of("add", "-A", "--", ".")).orThrow();
      String tree = git.run(workTree, temporary, List.of("write-tree")).orThrow().line();
      String headTree = repository.run(List.of("rev-parse", "--verify", head + "^{tree}")).line();
      if (tree.equals(headTree)) {
        return head;
      }
      return repository
          .run(
              List.of(
                  "commit-tree", tree, "-p", head, "-m", "Uncommitted changes taken by the run"))
          .line();
    } finally {
      try {
        Files.deleteIfExists(index);
        Files.deleteIfExists(index.resolveSibling(index.getFileName() + ".lock"));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete the temporary index " + index, e);
      }
    }
  }
}
