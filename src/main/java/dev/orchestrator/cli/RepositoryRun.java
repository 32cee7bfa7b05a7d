package dev.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.AtomicFile;
import dev.orchestrator.Json;
import dev.orchestrator.RunLayout;
import dev.orchestrator.Secrets;
import dev.orchestrator.UsageException;
import dev.orchestrator.agent.Agent;
import dev.orchestrator.agent.WorktreeAgent;
import dev.orchestrator.agent.WorktreeSetup;
import dev.orchestrator.output.Summary;
import dev.orchestrator.output.SummaryJson;
import dev.orchestrator.output.Verification;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.planner.repository.RepositoryMap;
import dev.orchestrator.repo.GitRepository;
import dev.orchestrator.repo.MergeQueue;
import dev.orchestrator.run.Orchestrator;
import dev.orchestrator.run.RunOutcome;
import dev.orchestrator.verify.VerificationSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * A run on the user's repository ({@code --repo}), from the command line's side: opens the
 * repository before any planning, starts the integration branch {@code orchestrator/<run>} at the
 * base commit when the run starts, gives every executor a {@link WorktreeAgent}, adds the {@code
 * repository} object to each summary the run writes, and ends with the branch shown on the console.
 */
final class RepositoryRun {

  private final GitRepository repository;
  private final RepositoryOptions options;
  private final List<String> uncommitted;
  private final WorktreeSetup setup;
  private volatile WorktreeAgent.Work work;
  private volatile String base;
  private RepositoryTests tests;

  private RepositoryRun(
      GitRepository repository,
      RepositoryOptions options,
      List<String> uncommitted,
      WorktreeSetup setup) {
    this.repository = repository;
    this.options = options;
    this.uncommitted = uncommitted;
    this.setup = setup;
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
    return new RepositoryRun(
        repository,
        options,
        repository.uncommittedChanges(),
        setup(repository, options, environment));
  }

  // The ignored files --worktree-include names (only ignored ones: they stay out of every commit).
  private static WorktreeSetup setup(
      GitRepository repository, RepositoryOptions options, Map<String, String> environment) {
    List<String> includes = new ArrayList<>();
    if (!options.worktreeIncludes.isEmpty()) {
      List<PathMatcher> globs =
          options.worktreeIncludes.stream()
              .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
              .toList();
      for (String ignored : repository.ignoredFiles()) {
        Path path =
            Path.of(ignored.endsWith("/") ? ignored.substring(0, ignored.length() - 1) : ignored);
        if (globs.stream().anyMatch(g -> g.matches(path))) {
          includes.add(ignored);
        }
      }
    }
    return new WorktreeSetup(repository.workTree(), includes, options.setupCommand, environment);
  }

  /**
   * The verify step's settings for a run on the repository: its tests (detected, or {@code
   * --verify-command}) run on the run's branch, judged against the same tests on the base commit.
   *
   * @param steps hears what each test command on the base commit does
   */
  VerificationSettings tests(
      VerificationSettings settings, Secrets secrets, Consumer<String> steps) {
    tests =
        new RepositoryTests(
            repository,
            settings,
            secrets,
            steps,
            () -> new RepositoryTests.Commits(base, work().queue().branch()));
    return settings.testing(tests);
  }

  /** What the planners see of the repository: a bounded map of its tracked files. */
  RepositoryMap map() {
    return RepositoryMap.read(repository.workTree(), repository.trackedFiles());
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
            repository, new MergeQueue(repository, branch), dir, name, options.keepBranches, setup);
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
    return finish(outcome, console, interruption);
  }

  /**
   * Resumes a run on the repository: back on its branch, from the base it recorded; each task's
   * commit an earlier session made is merged, not made again.
   *
   * @throws UsageException if the run recorded no repository, or its branch is gone
   */
  int resume(Orchestrator orchestrator, Path directory, Console console, Interruption interruption)
      throws InterruptedException {
    return finish(orchestrator.resume(attach(directory)), console, interruption);
  }

  /**
   * Tests a finished run's branch again, as {@code orchestrator verify} does, repairing what fails
   * through fix tasks merged onto the branch; the summary's {@code repository} object, the report
   * and the console's branch lines then say what it found.
   *
   * @throws UsageException if the run recorded no repository, or its branch is gone
   */
  Verification verify(Orchestrator orchestrator, Path directory, Console console) {
    Path dir = attach(directory);
    Verification verification = orchestrator.verify(dir);
    Verification before = tests == null ? null : tests.before();
    console.verification(verification);
    console.epilogue(
        BranchLines.of(
            repository,
            work().queue().branch(),
            base,
            head(),
            before,
            before == null ? null : verification));
    return verification;
  }

  // Back on the branch and base the run in the directory recorded.
  private Path attach(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    Path file = recordFile(dir);
    if (!Files.isRegularFile(file)) {
      throw new UsageException(
          dir
              + " records no repository (the run stopped before its first task); start it again"
              + " with --repo");
    }
    JsonNode recorded;
    try {
      recorded = Json.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
    String branch = recorded.path("branch").asText();
    base = recorded.path("base_commit").asText();
    if (repository.resolveIfExists("refs/heads/" + branch).isEmpty()) {
      throw new UsageException(
          "the run's branch "
              + branch
              + " is gone from "
              + repository.workTree()
              + "; nothing to go on from: start the run again");
    }
    work =
        new WorktreeAgent.Work(
            repository,
            new MergeQueue(repository, branch),
            dir,
            dir.getFileName().toString(),
            options.keepBranches,
            setup);
    return dir;
  }

  /**
   * Records the run's branch and base in its directory ({@code .orchestrator/repository.json}), for
   * {@code resume}; a resumed run's record stays as it is.
   */
  void record(Path runDirectory) {
    Path file = recordFile(runDirectory);
    if (Files.exists(file)) {
      return;
    }
    ObjectNode record = Json.mapper().createObjectNode();
    record.put("path", repository.workTree().toString());
    record.put("branch", work().queue().branch());
    record.put("base_commit", base);
    try {
      AtomicFile.write(file, Json.mapper().writeValueAsString(record) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * The repository options for resuming the run in {@code dir}: those given, and when no {@code
   * --repo} is given (the run was started by {@code demo repo}, say), the repository the run
   * recorded, so a run on a repository never resumes as a new project.
   */
  static RepositoryOptions recordedFor(Path dir, RepositoryOptions given) {
    Path file = recordFile(dir.toAbsolutePath().normalize());
    if (given.repository != null || !Files.isRegularFile(file)) {
      return given;
    }
    try {
      given.repository = Path.of(Json.mapper().readTree(file.toFile()).path("path").asText());
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
    return given;
  }

  /** Whether {@code dir} holds a run made with {@code --repo}. */
  static boolean isRepositoryRun(Path dir) {
    return Files.isRegularFile(recordFile(dir.toAbsolutePath().normalize()));
  }

  private static Path recordFile(Path runDirectory) {
    return RunLayout.state(runDirectory).resolve("repository.json");
  }

  private int finish(RunOutcome outcome, Console console, Interruption interruption)
      throws InterruptedException {
    // The verify step tested the branch (repairing what the run broke) and, once, the base.
    Verification before = tests == null ? null : tests.before();
    Verification after = before == null ? null : outcome.verification();
    int exit = console.finished(outcome, interruption);
    console.epilogue(
        BranchLines.of(repository, work().queue().branch(), base, head(), before, after));
    return exit;
  }

  /**
   * The summary's {@code repository} object, as the run, its resume or a verify writes the summary:
   * the repository, the branch and its head, and the tests at the base and on the branch once the
   * verify step has run them.
   */
  Map<String, JsonNode> summaryFields(Summary summary) {
    ObjectNode object = Json.mapper().createObjectNode();
    object.put("path", repository.workTree().toString());
    object.put("base_commit", base);
    object.put("branch", work().queue().branch());
    object.put("head_commit", head());
    object.put("uncommitted_changes_included", options.includeUncommitted);
    var left = object.putArray("uncommitted_changes_left_out");
    if (!options.includeUncommitted) {
      uncommitted.forEach(left::add);
    }
    // Not run (--no-verify, or the run stopped first): not measured, so null.
    Verification before = tests == null ? null : tests.before();
    RepositoryTests.put(object, "tests_before", before);
    RepositoryTests.put(object, "tests_after", before == null ? null : summary.verification());
    return Map.of(SummaryJson.REPOSITORY, object);
  }

  private String head() {
    return repository.resolve(work().queue().branch());
  }
}
