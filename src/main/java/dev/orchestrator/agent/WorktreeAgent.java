package dev.orchestrator.agent;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.plan.FilePatterns;
import dev.orchestrator.repo.GitRepository;
import dev.orchestrator.repo.MergeQueue;
import dev.orchestrator.repo.RepositoryException;
import dev.orchestrator.repo.TaskCommits;
import dev.orchestrator.repo.TaskCommits.FileChange;
import dev.orchestrator.repo.TaskCommits.TaskCommit;
import dev.orchestrator.usage.TokenUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An agent working on a user's repository (the repository mode, {@code --repo}): each attempt runs
 * the inner agent in a linked worktree cut from the run's integration branch, so it sees the whole
 * repository and the work of the tasks it depends on (merged before it was dispatched). The
 * orchestrator, not the agent, then commits what changed to the task's branch, writes the change as
 * {@code executor_<k>/<task>.patch}, and merges it into the integration branch. A merge conflict
 * runs the task once more from the new integration head, so its agent sees the work it collided
 * with; a second conflict fails the task, naming the files and the task it collided with. Nothing
 * is resolved by taking one side.
 *
 * <p>The attempt's own directory receives a copy of the files the task changed: they are the task's
 * output for the summary, the journal and the consolidated view of the run.
 */
public final class WorktreeAgent implements Agent {

  /** Summary details of a task run on a repository. */
  public static final String COMMIT = "commit";

  public static final String MERGE = "merge";
  public static final String CHANGES = "changes";
  public static final String SETUP = "setup";
  public static final String UNDECLARED = "undeclared";
  public static final String SUPERSEDED = "superseded";

  /**
   * The repository side of a run, known once the run has started.
   *
   * @param runDirectory where worktrees ({@code worktrees/}) and patches ({@code executor_<k>/})
   *     go, outside the user's work tree
   * @param runName names the task branches: {@code orchestrator/<runName>-<task>}
   */
  public record Work(
      GitRepository repository,
      MergeQueue queue,
      Path runDirectory,
      String runName,
      boolean keepBranches,
      WorktreeSetup setup) {

    public Work {
      requireNonNull(repository, "repository");
      requireNonNull(queue, "queue");
      requireNonNull(runDirectory, "runDirectory");
      requireNonNull(runName, "runName");
      requireNonNull(setup, "setup");
    }
  }

  private final Agent inner;
  private final Supplier<Work> work;

  /**
   * @param work read at each attempt: the run binds it when it starts
   */
  public WorktreeAgent(Agent inner, Supplier<Work> work) {
    this.inner = requireNonNull(inner, "inner");
    this.work = requireNonNull(work, "work");
  }

  @Override
  public String sandbox() {
    return inner.sandbox();
  }

  @Override
  public AgentResult execute(TaskAssignment assignment) throws InterruptedException {
    Work w = work.get();
    String task = assignment.task().id();
    TokenUsage usage = null;
    String superseded = null;
    for (int round = 1; ; round++) {
      String suffix = assignment.attempt() + (round > 1 ? "-rerun" : "");
      Path worktree = w.runDirectory().resolve("worktrees").resolve(task + "-" + suffix);
      String branch =
          "orchestrator/"
              + w.runName()
              + "-"
              + task
              + (assignment.attempt() > 1 || round > 1 ? "-" + suffix : "");
      String start = w.repository().resolve(w.queue().branch());
      Optional<String> earlier = w.repository().resolveIfExists("refs/heads/" + branch);
      if (earlier.isPresent()) {
        if (Files.exists(worktree) && !w.repository().worktrees().removeIfClean(worktree)) {
          // An earlier session's uncommitted work: kept where it is, the task runs beside it.
          assignment
              .progress()
              .report("kept " + worktree + ": an earlier session's uncommitted work", -1);
          worktree = worktree.resolveSibling(worktree.getFileName() + "-resumed");
          branch = branch + "-resumed";
        } else {
          Optional<AgentResult> recovered = recover(w, assignment, branch, earlier.get());
          if (recovered.isPresent()) {
            return recovered.get();
          }
        }
        start = w.repository().resolve(w.queue().branch());
      }
      w.repository().worktrees().add(worktree, branch, start);
      AgentResult result;
      String setup;
      try {
        setup =
            w.setup()
                .apply(worktree, worktree.resolveSibling(worktree.getFileName() + ".setup.log"));
        result =
            inner.execute(
                new TaskAssignment(
                    assignment.plan(),
                    assignment.task(),
                    assignment.executorId(),
                    assignment.attempt(),
                    new TaskWorkspace(worktree),
                    Map.of(), // the dependencies' work is in the worktree, merged
                    assignment.progress()));
      } catch (InterruptedException | RuntimeException e) {
        keepOrRemove(w, worktree);
        throw e;
      }
      usage = TokenUsage.sum(usage, result.usage());
      TaskChangeFiles.keepAgentFiles(worktree, assignment.workspace(), round);
      Optional<TaskCommit> commit =
          TaskCommits.commitAll(
              w.repository(), worktree, task + ": " + assignment.task().name(), start);
      if (commit.isEmpty()) {
        remove(w, worktree, branch, start);
        return withDetails(result, usage, Map.of(MERGE, "none: the task changed no file"));
      }
      TaskCommit made = commit.get();
      MergeQueue.Merge merge =
          w.queue().merge(made.commit(), "Merge " + task + ": " + assignment.task().name());
      if (merge instanceof MergeQueue.Conflicted conflict) {
        remove(w, worktree, null, null); // its commit stays on its branch
        superseded = branch + " " + made.commit().substring(0, 12);
        String with = collidedWith(w, conflict);
        if (round == 1) {
          assignment
              .progress()
              .report(
                  "merge conflict in "
                      + String.join(", ", conflict.files())
                      + with
                      + "; running the task again from the new integration head",
                  -1);
          continue;
        }
        throw new AgentException(
            "its change conflicts with the integration branch in "
                + String.join(", ", conflict.files())
                + with
                + ", also after running again from the new integration head; its work is on"
                + " branch "
                + branch
                + " ("
                + made.commit().substring(0, 12)
                + "): merge it by hand, or change the plan so the two tasks do not edit the same"
                + " lines",
            false,
            null,
            usage);
      }
      TaskChangeFiles.copyFromWorktree(worktree, made.changes(), assignment.workspace());
      TaskChangeFiles.writePatch(w, assignment.executorId(), task, start, made.commit());
      remove(w, worktree, w.keepBranches() ? null : branch, made.commit());
      Map<String, String> details = new LinkedHashMap<>();
      details.put(COMMIT, made.commit());
      details.put(MERGE, round == 1 ? "clean" : "rerun");
      details.put(CHANGES, TaskChangeFiles.describe(made.changes()));
      // Kept, for the plan may have missed a file the work needed; said, for the review.
      List<String> undeclared =
          made.changes().stream()
              .map(FileChange::path)
              .filter(path -> !FilePatterns.overlap(assignment.task().files(), List.of(path)))
              .toList();
      if (!undeclared.isEmpty()) {
        details.put(UNDECLARED, String.join(", ", undeclared));
      }
      if (!setup.isEmpty()) {
        details.put(SETUP, setup);
      }
      if (superseded != null) {
        details.put(SUPERSEDED, superseded); // the colliding first attempt, kept on its branch
      }
      return withDetails(result, usage, details);
    }
  }

  /**
   * An earlier session's attempt at the task, found by its branch (the run was interrupted, then
   * resumed): a commit of the task's that reached the integration branch counts as done, one that
   * did not is merged now, so that each task's change lands once; an attempt that committed nothing
   * is cleared away and the task runs. A worktree with uncommitted changes is kept.
   *
   * @return the task's result when its earlier commit is merged; empty when it must run
   * @throws AgentException if the earlier worktree holds uncommitted work, or its commit conflicts
   */
  private static Optional<AgentResult> recover(
      Work w, TaskAssignment assignment, String branch, String commit) {
    String task = assignment.task().id();
    boolean made = w.repository().commit(commit).subject().startsWith(task + ": ");
    if (!made) {
      w.repository().deleteBranch(branch, commit);
      return Optional.empty();
    }
    MergeQueue.Merge merge =
        w.queue().merge(commit, "Merge " + task + ": " + assignment.task().name());
    if (merge instanceof MergeQueue.Conflicted conflict) {
      throw new AgentException(
          "the commit an earlier session made for it ("
              + commit.substring(0, 12)
              + " on branch "
              + branch
              + ") conflicts with the integration branch in "
              + String.join(", ", conflict.files())
              + "; merge it by hand",
          false);
    }
    List<FileChange> changes = TaskCommits.diffStat(w.repository(), commit + "~1", commit);
    TaskChangeFiles.copyFromCommit(w.repository(), commit, changes, assignment.workspace());
    TaskChangeFiles.writePatch(w, assignment.executorId(), task, commit + "~1", commit);
    if (!w.keepBranches()) {
      w.repository().deleteBranch(branch, commit);
    }
    Map<String, String> details = new LinkedHashMap<>();
    details.put(COMMIT, commit);
    details.put(
        MERGE,
        merge instanceof MergeQueue.AlreadyMerged ? "merged before the interruption" : "clean");
    details.put(CHANGES, TaskChangeFiles.describe(changes));
    return Optional.of(
        new AgentResult(
            "the commit of an earlier session, " + commit.substring(0, 12), null, details));
  }

  private static AgentResult withDetails(
      AgentResult result, TokenUsage usage, Map<String, String> more) {
    Map<String, String> details = new LinkedHashMap<>(result.details());
    details.putAll(more);
    return new AgentResult(result.summary(), usage, details);
  }

  // "the work of task_2 (a1b2c3d4e5f6)": the merged commit that last touched the first file.
  private static String collidedWith(Work w, MergeQueue.Conflicted conflict) {
    if (conflict.files().isEmpty()) {
      return "";
    }
    return w.repository()
        .lastCommitTouching(conflict.integrationHead(), conflict.files().get(0))
        .map(c -> " with \"" + c.subject() + "\" (" + c.commit().substring(0, 12) + ")")
        .orElse("");
  }

  // Removes the worktree (never forced) and, once its commit is merged, the task branch.
  private static void remove(Work w, Path worktree, String branch, String commit) {
    try {
      w.repository().worktrees().removeIfClean(worktree);
      if (branch != null && commit != null) {
        w.repository().deleteBranch(branch, commit);
      }
    } catch (RepositoryException e) {
      // Left for `orchestrator clean`; the task's outcome does not depend on it.
    }
  }

  // A worktree with uncommitted changes holds work: it is kept, never deleted.
  private static void keepOrRemove(Work w, Path worktree) {
    try {
      w.repository().worktrees().removeIfClean(worktree);
    } catch (RepositoryException e) {
      // kept
    }
  }
}
