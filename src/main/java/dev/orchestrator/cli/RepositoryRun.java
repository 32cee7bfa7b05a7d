package dev.orchestrator.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.AtomicFile;
import dev.orchestrator.Json;
import dev.orchestrator.UsageException;
import dev.orchestrator.agent.Agent;
import dev.orchestrator.agent.WorktreeAgent;
import dev.orchestrator.output.SummaryJson;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.repo.CommitSummary;
import dev.orchestrator.repo.GitRepository;
import dev.orchestrator.repo.MergeQueue;
import dev.orchestrator.repo.TaskCommits;
import dev.orchestrator.run.Orchestrator;
import dev.orchestrator.run.RunOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A run on the user's repository ({@code --repo}), from the command line's side: opens the
 * repository before any planning, starts the integration branch {@code orchestrator/<run>} at the
 * base commit when the run starts, gives every executor a {@link WorktreeAgent}, and ends with the
 * summary's {@code repository} object and the branch shown on the console.
 */
final class RepositoryRun {

  /** The summary's object about the repository. */
  static final String SUMMARY_FIELD = "repository";

  private final GitRepository repository;
  private final RepositoryOptions options;
  private final List<String> uncommitted;
  private volatile WorktreeAgent.Work work;
  private String base;

  private RepositoryRun(
      GitRepository repository, RepositoryOptions options, List<String> uncommitted) {
    this.repository = repository;
    this.options = options;
    this.uncommitted = uncommitted;
  }

  /**
   * The repository of {@code --repo}, or null without it.
   *
   * @throws UsageException if it is not a git work tree with a commit
   */
  static RepositoryRun open(RepositoryOptions options, Map<String, String> environment) {
    if (options == null || options.repository == null) {
      return null;
    }
    GitRepository repository = GitRepository.open(options.repository, environment);
    return new RepositoryRun(repository, options, repository.uncommittedChanges());
  }

  /** Where runs go without {@code -o}: {@code .git/orchestrator/}, outside the work tree. */
  Path runsDirectory() {
    return repository.gitDir().resolve("orchestrator");
  }

  /** Each executor's agent working in worktrees of the repository. */
  IntFunction<Agent> agents(IntFunction<Agent> inner) {
    return k -> new WorktreeAgent(inner.apply(k), this::work);
  }

  /**
   * Starts the run's integration branch at the base commit: HEAD's, with the uncommitted changes
   * when {@code --include-uncommitted} asks for them.
   *
   * @throws UsageException if the branch exists already
   */
  private void begin(Path runDirectory) {
    Path dir = runDirectory.toAbsolutePath().normalize();
    String name = dir.getFileName().toString();
    String branch = "orchestrator/" + name;
    if (repository.resolveIfExists("refs/heads/" + branch).isPresent()) {
      throw new UsageException(
          "the branch "
              + branch
              + " exists already (an earlier run's); merge or delete it (git branch -D "
              + branch
              + "), or name another run directory with -o");
    }
    base = options.includeUncommitted ? repository.snapshotUncommitted() : repository.head();
    repository.createBranch(branch, base);
    work =
        new WorktreeAgent.Work(
            repository, new MergeQueue(repository, branch), dir, name, options.keepBranches);
  }

  /** Deletes the integration branch of a run that did not start, if nothing was merged into it. */
  private void abandon() {
    WorktreeAgent.Work bound = work;
    if (bound != null && repository.resolve(bound.queue().branch()).equals(base)) {
      repository.deleteBranch(bound.queue().branch(), base);
    }
  }

  private WorktreeAgent.Work work() {
    WorktreeAgent.Work bound = work;
    if (bound == null) {
      throw new IllegalStateException("the repository run has not begun");
    }
    return bound;
  }

  /**
   * Runs the plan on the repository: the integration branch first, then the run, the summary's
   * {@code repository} object, the outcome and (unless the console prints JSON) the branch.
   */
  int execute(Orchestrator orchestrator, Plan plan, Console console, Interruption interruption)
      throws InterruptedException {
    console.uncommitted(uncommitted, options.includeUncommitted);
    begin(orchestrator.outputDirectoryFor(plan));
    RunOutcome outcome;
    try {
      outcome = orchestrator.execute(plan);
    } catch (RuntimeException e) {
      abandon();
      throw e;
    }
    recordIn(outcome.outputDirectory());
    int exit = console.finished(outcome, interruption);
    console.epilogue(branchLines());
    return exit;
  }

  /** Adds the {@code repository} object to the run's summary. */
  private void recordIn(Path runDirectory) {
    Path file = runDirectory.resolve(SummaryJson.FILE_NAME);
    try {
      ObjectNode summary = (ObjectNode) Json.mapper().readTree(file.toFile());
      ObjectNode object = summary.putObject(SUMMARY_FIELD);
      object.put("path", repository.workTree().toString());
      object.put("base_commit", base);
      object.put("branch", work().queue().branch());
      object.put("head_commit", head());
      object.put("uncommitted_changes_included", options.includeUncommitted);
      var left = object.putArray("uncommitted_changes_left_out");
      if (!options.includeUncommitted) {
        uncommitted.forEach(left::add);
      }
      // The repository's own tests are not run yet: not measured, so null.
      object.putNull("tests_before");
      object.putNull("tests_after");
      AtomicFile.write(
          file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot add the repository to " + file, e);
    }
  }

  private String head() {
    return repository.resolve(work().queue().branch());
  }

  /** The branch, its commits, what changed, and how to take it. */
  private List<String> branchLines() {
    String branch = work().queue().branch();
    List<CommitSummary> commits = repository.log(base, branch);
    List<String> lines = new ArrayList<>();
    lines.add("");
    if (commits.isEmpty()) {
      lines.add("Branch " + branch + ": no commits on " + abbreviated(base) + "; nothing to take");
      return lines;
    }
    lines.add(
        "Branch "
            + branch
            + ": "
            + commits.size()
            + (commits.size() == 1 ? " commit" : " commits")
            + " on "
            + abbreviated(base));
    commits.forEach(c -> lines.add("  " + abbreviated(c.commit()) + " " + c.subject()));
    List<TaskCommits.FileChange> changes = TaskCommits.diffStat(repository, base, head());
    int insertions = 0;
    int deletions = 0;
    for (TaskCommits.FileChange change : changes) {
      lines.add(
          "  "
              + change.path()
              + (change.insertions() < 0
                  ? " (binary)"
                  : " +" + change.insertions() + " -" + change.deletions()));
      insertions += Math.max(0, change.insertions());
      deletions += Math.max(0, change.deletions());
    }
    lines.add(
        "  "
            + changes.size()
            + (changes.size() == 1 ? " file" : " files")
            + " changed, +"
            + insertions
            + " -"
            + deletions);
    lines.add("Take it with: git -C " + repository.workTree() + " merge " + branch);
    return lines;
  }

  private static String abbreviated(String commit) {
    return commit.substring(0, Math.min(12, commit.length()));
  }
}
