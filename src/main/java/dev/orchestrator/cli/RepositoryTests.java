package dev.orchestrator.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.RunLayout;
import dev.orchestrator.Secrets;
import dev.orchestrator.output.TestFailure;
import dev.orchestrator.output.Verification;
import dev.orchestrator.output.VerificationRound;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import dev.orchestrator.repo.CommitSummary;
import dev.orchestrator.repo.GitRepository;
import dev.orchestrator.verify.Repairs;
import dev.orchestrator.verify.TestedProject;
import dev.orchestrator.verify.VerificationLoop;
import dev.orchestrator.verify.VerificationSettings;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A repository's own tests, as the repository mode runs them: the verify step tests the files of
 * the run's branch as it stands (after every merge, and again after each repair round), and, once,
 * before its first round, the files of the base commit, so that tests failing there already are
 * reported as such and never blamed on a task. What the run broke is what fails on the branch and
 * did not fail at the base.
 */
final class RepositoryTests implements TestedProject {

  /** The commits the run goes from and to. */
  record Commits(String base, String branch) {}

  private final GitRepository repository;
  private final VerificationSettings settings;
  private final Secrets secrets;
  private final Consumer<String> steps;
  private final Supplier<Commits> commits;
  private volatile Verification before;
  private volatile String tested; // the branch's commit the last round tested
  private volatile Blame blame; // of the tested commit, once a failure asked

  /**
   * @param settings the verify step's (their command, time limit and sandbox serve the base too)
   * @param steps hears what each test command on the base commit does
   * @param commits the run's base commit and branch, once the run has begun
   */
  RepositoryTests(
      GitRepository repository,
      VerificationSettings settings,
      Secrets secrets,
      Consumer<String> steps,
      Supplier<Commits> commits) {
    this.repository = repository;
    this.settings = settings;
    this.secrets = secrets;
    this.steps = steps;
    this.commits = commits;
  }

  @Override
  public List<String> copy(Path outputDirectory, Path target) {
    String head = repository.resolve(commits.get().branch());
    repository.export(head, target);
    tested = head;
    return repository.filesAt(head);
  }

  /**
   * The tasks whose commits last changed any of the lines on the tested commit ({@code git blame}
   * since the base); a commit is a task's when its subject starts with the task's id, as the
   * orchestrator writes it ({@code task_1: Add the parser}).
   */
  @Override
  public Set<String> writersOf(Map<String, Set<Integer>> lines, Plan plan) {
    Blame blame = blameOf(tested, plan);
    Set<String> writers = new LinkedHashSet<>();
    lines.forEach(
        (file, numbers) -> {
          Map<Integer, String> commitOfLine = blame.of(file);
          for (int line : numbers) {
            String task = blame.tasks().get(commitOfLine.get(line));
            if (task != null) {
              writers.add(task);
            }
          }
        });
    return writers;
  }

  // Every failing test of a round asks about the same commit: its log and blames are read once.
  private Blame blameOf(String head, Plan plan) {
    Blame blame = this.blame;
    if (blame == null || !blame.head().equals(head)) {
      String base = commits.get().base();
      Map<String, String> tasks = new HashMap<>();
      List<String> ids =
          plan.tasks().stream()
              .map(Task::id)
              .sorted(Comparator.comparing(String::length).reversed())
              .toList();
      for (CommitSummary commit : repository.log(base, head)) {
        ids.stream()
            .filter(id -> commit.subject().startsWith(id + ": "))
            .findFirst()
            .ifPresent(id -> tasks.put(commit.commit(), id));
      }
      blame = new Blame(repository, base, head, tasks, new HashMap<>());
      this.blame = blame;
    }
    return blame;
  }

  /**
   * The tested commit's lines as {@code git blame} since the base gives them, file by file as they
   * are asked for, and the task of each commit since the base.
   */
  private record Blame(
      GitRepository repository,
      String base,
      String head,
      Map<String, String> tasks,
      Map<String, Map<Integer, String>> files) {

    Map<Integer, String> of(String file) {
      return files.computeIfAbsent(file, f -> repository.blame(base, head, f));
    }
  }

  /**
   * Runs the tests on the base commit, the first time it is asked, on its files exported below the
   * run's state ({@code .orchestrator/repository-tests/base}, where the round's logs and reports
   * stay).
   */
  @Override
  public Set<String> failingBefore(Path outputDirectory, Plan plan) {
    Verification tested = before;
    if (tested == null) {
      String base = commits.get().base();
      Path dir = RunLayout.state(outputDirectory).resolve("repository-tests").resolve("base");
      VerificationSettings once =
          new VerificationSettings(
                  settings.command(),
                  settings.timeLimit(),
                  0,
                  settings.environment(),
                  settings.sandbox())
              .testing(new CommitFiles(repository, base));
      tested =
          new VerificationLoop(
                  once,
                  secrets,
                  Repairs.NONE,
                  line ->
                      steps.accept(
                          line.replaceFirst("^Tests, round \\d+", "Tests on the base commit")))
              .run(dir, plan);
      before = tested;
    }
    return new LinkedHashSet<>(failing(tested));
  }

  /** The tests on the base commit; null when they have not run. */
  Verification before() {
    return before;
  }

  /** The files of one commit. */
  private record CommitFiles(GitRepository repository, String commit) implements TestedProject {
    @Override
    public List<String> copy(Path outputDirectory, Path target) {
      repository.export(commit, target);
      return repository.filesAt(commit);
    }
  }

  /** The tests' outcome as the summary's {@code field}: null when they did not run. */
  static ObjectNode put(ObjectNode parent, String field, Verification tests) {
    if (tests == null) {
      parent.putNull(field);
      return parent;
    }
    ObjectNode object = parent.putObject(field);
    object.put("status", tests.status().name().toLowerCase(Locale.ROOT));
    object.put("reason", tests.reason());
    object.put("command", tests.command());
    VerificationRound round = last(tests);
    if (round == null) {
      return parent;
    }
    object.put("passed", round.passed());
    object.put("failed", round.failed());
    object.put("errors", round.errors());
    object.put("skipped", round.skipped());
    var failing = object.putArray("failing");
    round.failures().forEach(f -> failing.add(f.test()));
    return parent;
  }

  /** {@code 184 passed, 1 failed, 0 errors, 16 skipped}, or why they did not run. */
  static String outcome(Verification tests) {
    VerificationRound round = last(tests);
    if (round == null) {
      return tests.status().name().toLowerCase(Locale.ROOT) + " (" + tests.reason() + ")";
    }
    return round.passed()
        + " passed, "
        + round.failed()
        + " failed, "
        + round.errors()
        + " errors, "
        + round.skipped()
        + " skipped";
  }

  // The tests failing on the branch that did not fail at the base: those the run broke.
  static List<String> broken(Verification before, Verification after) {
    List<String> failedBefore = failing(before);
    return failing(after).stream().filter(t -> !failedBefore.contains(t)).toList();
  }

  private static List<String> failing(Verification tests) {
    VerificationRound round = last(tests);
    return round == null ? List.of() : round.failures().stream().map(TestFailure::test).toList();
  }

  private static VerificationRound last(Verification tests) {
    return tests.rounds().isEmpty() ? null : tests.rounds().get(tests.rounds().size() - 1);
  }
}
