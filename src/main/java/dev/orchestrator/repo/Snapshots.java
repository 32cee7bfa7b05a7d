package dev.orchestrator.repo;

import java.nio.file.Path;
import java.util.List;

/** The work tree's uncommitted state as a commit, made without the user's index. */
final class Snapshots {

  private Snapshots() {}

  /** See {@link GitRepository#snapshotUncommitted()}. */
  static String takeUncommitted(GitRepository repository) {
    Git git = repository.git();
    Path workTree = repository.workTree();
    String head = repository.head();
    return TemporaryIndex.use(
        temporary -> {
          git.run(workTree, temporary, List.of("read-tree", head)).orThrow();
          git.run(workTree, temporary, List.of("add", "-A", "--", ".")).orThrow();
          String tree = git.run(workTree, temporary, List.of("write-tree")).orThrow().line();
          String headTree =
              repository.run(List.of("rev-parse", "--verify", head + "^{tree}")).line();
          if (tree.equals(headTree)) {
            return head;
          }
          return repository
              .run(
                  List.of(
                      "commit-tree",
                      tree,
                      "-p",
                      head,
                      "-m",
                      "Uncommitted changes taken by the run"))
              .line();
        });
  }
}
