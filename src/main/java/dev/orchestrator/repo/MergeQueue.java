package dev.orchestrator.repo;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges task commits into one integration branch, one at a time, without touching any work tree:
 * {@code git merge-tree --write-tree} computes the merged tree in the object database, {@code
 * commit-tree} makes the merge commit and {@code update-ref} moves the branch only if it still
 * points where the merge started (compare and swap). A conflict leaves the branch as it was and
 * names the files; it is never resolved by taking one side.
 *
 * <p>Task branches cannot live under the integration branch's name: git stores {@code
 * refs/heads/orchestrator/<run>} as a file, so {@code orchestrator/<run>/task_1} cannot exist
 * beside it; name them {@code orchestrator/<run>-task_1} or similar.
 *
 * <p>The integration branch should not be checked out in any worktree (verify at its head with a
 * detached worktree): moving a checked-out branch leaves that worktree's files behind.
 *
 * <p>Threads: {@link #merge} is synchronized, so concurrent callers merge one after the other.
 */
public final class MergeQueue {

  private final GitRepository repository;
  private final String branch;
  private final String ref;

  /**
   * @param repository the repository
   * @param integrationBranch the branch merged into, e.g. {@code orchestrator/<run>}; it must exist
   *     when {@link #merge} is called
   */
  public MergeQueue(GitRepository repository, String integrationBranch) {
    GitRepository.requireRef(integrationBranch);
    this.repository = requireNonNull(repository, "repository");
    this.branch = integrationBranch;
    this.ref = "refs/heads/" + integrationBranch;
  }

  /** What a merge did. */
  public sealed interface Merge permits Merged, AlreadyMerged, Conflicted {}

  /**
   * The commit is now in the branch.
   *
   * @param head the branch's new head
   * @param fastForward whether the branch just moved to the commit (it had nothing the commit did
   *     not have), so no merge commit was made
   */
  public record Merged(String head, boolean fastForward) implements Merge {
    public Merged {
      requireNonNull(head, "head");
    }
  }

  /** The commit was already in the branch (a resumed run merging it again); nothing changed. */
  public record AlreadyMerged(String head) implements Merge {
    public AlreadyMerged {
      requireNonNull(head, "head");
    }
  }

  /**
   * The commit conflicts with the branch; the branch was left as it was.
   *
   * @param files the conflicted paths, each once, in git's order
   * @param integrationHead the branch's head the commit conflicts with
   */
  public record Conflicted(List<String> files, String integrationHead) implements Merge {
    public Conflicted {
      files = List.copyOf(files);
      requireNonNull(integrationHead, "integrationHead");
    }
  }

  /** The integration branch's name. */
  public String branch() {
    return branch;
  }

  /**
   * Merges {@code commit} into the integration branch: nothing when it is already there, a
   * fast-forward when the branch is its ancestor, else a merge commit with parents (branch head,
   * commit) and {@code message} when the trees merge cleanly.
   *
   * @throws RepositoryException if git fails or the branch was moved by someone else meanwhile
   */
  public synchronized Merge merge(String commit, String message) {
    requireNonNull(message, "message");
    GitRepository.requireRef(commit);
    // One process for both ids and one for their merge base: a merge runs five git commands.
    Git.Result ids =
        repository
            .git()
            .run(
                repository.workTree(),
                List.of("rev-parse", ref + "^{commit}", commit + "^{commit}"));
    if (!ids.ok()) {
      repository.resolve(ref);
      repository.resolve(commit);
      ids.orThrow();
    }
    String[] both = ids.text().strip().split("\n");
    String head = both[0];
    String id = both[1];
    Git.Result common =
        repository.git().run(repository.workTree(), List.of("merge-base", head, id));
    if (common.status() == 1) {
      throw new RepositoryException(
          commit + " shares no history with " + branch + "; a task's commit must be cut from it");
    }
    String base = common.orThrow().line();
    if (base.equals(id)) {
      return new AlreadyMerged(head);
    }
    if (base.equals(head)) {
      move(id, head);
      return new Merged(id, true);
    }
    Git.Result merged =
        repository
            .git()
            .run(
                repository.workTree(),
                List.of(
                    "merge-tree", "--write-tree", "--name-only", "--no-messages", "-z", head, id));
    List<String> fields = merged.fields();
    if (merged.status() == 1) {
      // The merged tree's id first, then each conflicted path (once per conflicting stage).
      Set<String> files = new LinkedHashSet<>(fields.subList(1, fields.size()));
      return new Conflicted(new ArrayList<>(files), head);
    }
    merged.orThrow();
    String tree = fields.get(0);
    String mergeCommit =
        repository.run(List.of("commit-tree", tree, "-p", head, "-p", id, "-m", message)).line();
    move(mergeCommit, head);
    return new Merged(mergeCommit, false);
  }

  private void move(String to, String from) {
    Git.Result moved =
        repository
            .git()
            .run(
                repository.workTree(),
                List.of("update-ref", "-m", "orchestrator: merge", ref, to, from));
    if (!moved.ok()) {
      throw new RepositoryException(
          "branch "
              + branch
              + " moved while a task was merged into it (expected "
              + from
              + "); something else changed it, rerun the merge ("
              + moved.stderr().strip()
              + ")");
    }
  }
}
