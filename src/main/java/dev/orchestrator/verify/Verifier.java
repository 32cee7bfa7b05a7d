package dev.orchestrator.verify;

import dev.orchestrator.RunLayout;
import dev.orchestrator.Secrets;
import dev.orchestrator.output.ConsolidatedEntries;
import dev.orchestrator.output.GeneratedFiles;
import dev.orchestrator.output.TestFailure;
import dev.orchestrator.output.Verification;
import dev.orchestrator.output.VerificationRound;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one round of the verify step on an output directory: copies the consolidated project into
 * {@code .orchestrator/verify/round-<n>/project}, finds its test runners (or takes {@code
 * --verify-command}), runs them within the time limit, and reads each test's result from the
 * runners' reports, never from their text. The logs and reports stay in the round's directory; the
 * copy is removed.
 */
final class Verifier {

  /** Where the rounds keep their logs and reports, relative to the output directory. */
  private static final Logger log = LoggerFactory.getLogger(Verifier.class);

  private static final int OUTPUT_CHARS = 4000;

  private final VerificationSettings settings;
  private final Secrets secrets;
  private final Consumer<String> steps;

  // Null until a round needs it, then kept: the interpreters on PATH do not change between rounds.
  private Optional<PythonSuite> python;

  /**
   * A verifier for the rounds of one verification, run one after another on one thread.
   *
   * @param secrets masked in the test commands' logs
   * @param steps hears what each command that starts does ({@code Tests, round 1: running pytest}),
   *     for people waiting on a silent step
   */
  Verifier(VerificationSettings settings, Secrets secrets, Consumer<String> steps) {
    this.settings = settings;
    this.secrets = secrets;
    this.steps = steps;
  }

  /**
   * Runs round {@code number}.
   *
   * @throws InterruptedException if interrupted; running tests have been ended
   */
  RoundResult run(Path outputDirectory, Plan plan, int number) throws InterruptedException {
    Path dir = RunLayout.verifyRound(outputDirectory, number);
    ProjectCopy.delete(dir);
    Path project = dir.resolve("project");
    Path reports = dir.resolve("reports");
    Path logs = dir.resolve("logs");
    try {
      Set<String> before = settings.project().failingBefore(outputDirectory, plan);
      List<String> files = settings.project().copy(outputDirectory, project);
      Files.createDirectories(reports);
      Files.createDirectories(logs);
      SuiteDetector detector = new SuiteDetector(project, files, reports, this::python);
      List<TestSuite> suites;
      List<String> problems = List.of();
      if (settings.command() != null) {
        suites = List.of(detector.custom(settings.command()));
      } else {
        SuiteDetector.Detection detection = detector.detect();
        suites = detection.suites();
        problems = detection.problems();
      }
      if (suites.isEmpty()) {
        String reason =
            problems.isEmpty()
                ? "no tests found: the project has no pom.xml, build.gradle, package.json, go.mod,"
                    + " Cargo.toml, Python or node test files; pass --verify-command to say how"
                    + " to test it"
                : String.join("; ", problems);
        return new RoundResult(
            Verification.Status.NOT_RUN, reason, null, null, List.of(), null, reason);
      }
      FailureOwners owners =
          new FailureOwners(project, plan, ConsolidatedEntries.owners(outputDirectory), files);
      return runSuites(suites, problems, project, logs, owners, before, number);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot prepare " + dir, e);
    } finally {
      ProjectCopy.delete(project);
    }
  }

  private RoundResult runSuites(
      List<TestSuite> suites,
      List<String> problems,
      Path project,
      Path logs,
      FailureOwners owners,
      Set<String> before,
      int number)
      throws InterruptedException, IOException {
    long deadline = System.nanoTime() + settings.timeLimit().toNanos();
    long started = System.nanoTime();
    int[] counts = new int[TestCase.Outcome.values().length];
    List<RoundResult.FailureDetail> failures = new ArrayList<>();
    List<String> suiteErrors = new ArrayList<>();
    List<String> commands = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    CoverageReports.Lines coverage = null;
    boolean coverageComplete = true;
    int step = 0;
    // The tests may write where they run and where their runners put reports, nowhere else.
    Sandbox sandbox = settings.sandbox().allowing(List.of(project.resolveSibling("reports")));
    for (TestSuite suite : suites) {
      commands.add(String.join(" ", suite.command()));
      Map<String, String> environment = new HashMap<>(settings.environment());
      // A suite's PYTHONPATH goes before the project's own, which stays.
      suite
          .environment()
          .forEach(
              (name, value) ->
                  environment.merge(
                      name,
                      value,
                      (theirs, ours) ->
                          name.equals(PythonSuite.PYTHONPATH)
                              ? ours + java.io.File.pathSeparator + theirs
                              : ours));
      TestProcess.Exit broken = null;
      for (List<String> setup : suite.setup()) {
        steps.accept("Tests, round " + number + ": " + String.join(" ", setup));
        TestProcess.Exit exit =
            TestProcess.run(
                setup,
                project,
                environment,
                logs.resolve("step-" + ++step),
                left(deadline),
                secrets,
                sandbox);
        if (!exit.succeeded()) {
          broken = exit;
          break;
        }
      }
      FileTime since = FileTime.fromMillis(System.currentTimeMillis() - 1000);
      if (broken == null) {
        steps.accept("Tests, round " + number + ": running " + suite.runner());
      }
      TestProcess.Exit exit =
          broken != null
              ? broken
              : TestProcess.run(
                  suite.command(),
                  project,
                  environment,
                  logs.resolve("step-" + ++step),
                  left(deadline),
                  secrets,
                  sandbox);
      if (broken == null && !exit.timedOut()) {
        for (List<String> after : suite.after()) {
          TestProcess.run(
              after,
              project,
              environment,
              logs.resolve("step-" + ++step),
              left(deadline),
              secrets,
              sandbox);
        }
      }
      List<TestCase> cases =
          exit.timedOut() || broken != null ? List.of() : results(suite, exit, since);
      List<String> failing =
          cases.stream()
              .filter(
                  c ->
                      c.outcome() == TestCase.Outcome.FAILED
                          || c.outcome() == TestCase.Outcome.ERROR)
              .map(TestCase::name)
              .toList();
      TestLines lines =
          suite.coverage() == CoverageReports.Coverage.COVERAGE_PY
              ? TestLines.read(suite.coverageReport(), failing)
              : TestLines.NONE;
      for (TestCase test : cases) {
        counts[test.outcome().ordinal()]++;
        if (failing.contains(test.name())) {
          failures.add(detail(test.name(), test, owners, before, lines.of(test.name())));
        }
      }
      boolean explained = !failing.isEmpty();
      if (broken != null || exit.timedOut() || (!succeeded(suite, exit) && !explained)) {
        counts[TestCase.Outcome.ERROR.ordinal()]++;
        String what = describe(suite, exit, broken != null);
        suiteErrors.add(what);
        TestCase error = new TestCase(what, null, null, TestCase.Outcome.ERROR, exit.tail());
        failures.add(detail(what, error, owners, before, Map.of()));
      }
      CoverageReports.Lines measured = null;
      if (suite.coverage() != null && Files.isRegularFile(suite.coverageReport())) {
        measured = CoverageReports.read(suite.coverage(), suite.coverageReport());
      }
      if (measured == null) {
        coverageComplete = false;
        notes.add(
            suite.runner()
                + ": "
                + (suite.coverage() != null
                    ? "not measured: the run wrote no coverage report"
                    : suite.coverageNote()));
      } else {
        coverage = coverage == null ? measured : coverage.plus(measured);
        notes.add(suite.runner() + ": " + suite.coverageNote());
      }
    }
    VerificationRound round =
        new VerificationRound(
            number,
            counts[TestCase.Outcome.PASSED.ordinal()],
            counts[TestCase.Outcome.FAILED.ordinal()],
            counts[TestCase.Outcome.SKIPPED.ordinal()],
            counts[TestCase.Outcome.ERROR.ordinal()],
            Duration.ofNanos(System.nanoTime() - started),
            failures.stream()
                .map(f -> new TestFailure(f.test(), f.owners(), TestFailure.excerptOf(f.output())))
                .toList());
    problems.forEach(p -> notes.add(p));
    String coverageReason = String.join("; ", notes);
    CoverageReports.Lines lines = coverageComplete ? coverage : null;
    List<String> known = failures.stream().map(f -> f.test()).filter(before::contains).toList();
    Verification.Status status = status(round, known.size());
    if (status == Verification.Status.NOT_RUN) {
      // Lines that skipped tests imported say nothing about what is tested.
      lines = null;
      coverageReason = "not counted: no test passed or failed; " + coverageReason;
    }
    log.info(
        "verification round {}: {} passed, {} failed, {} skipped, {} errors; coverage {}",
        number,
        round.passed(),
        round.failed(),
        round.skipped(),
        round.errors(),
        lines == null ? "not measured" : lines.ratio());
    return new RoundResult(
        status,
        reason(round, known, suiteErrors, problems),
        String.join(" && ", commands),
        round,
        failures,
        lines,
        coverageReason);
  }

  // Failures of tests that failed before the run as well do not fail it.
  private static Verification.Status status(VerificationRound round, int failingBefore) {
    if (round.failed() + round.errors() > failingBefore) {
      return Verification.Status.FAILED;
    }
    return round.passed() + failingBefore > 0
        ? Verification.Status.PASSED
        : Verification.Status.NOT_RUN;
  }

  // The counts, and what the errors were when a whole suite broke ("1 error: pytest (timed out)").
  private static String reason(
      VerificationRound round,
      List<String> failingBefore,
      List<String> suiteErrors,
      List<String> problems) {
    String counts =
        String.format(
            Locale.ROOT,
            "%d passed, %d failed, %d skipped, %d %s",
            round.passed(),
            round.failed(),
            round.skipped(),
            round.errors(),
            round.errors() == 1 ? "error" : "errors");
    if (!suiteErrors.isEmpty()) {
      counts += ": " + String.join(", ", suiteErrors);
    }
    String text;
    if (round.failed() + round.errors() > failingBefore.size()) {
      text = "tests failed: " + counts;
    } else if (!failingBefore.isEmpty()) {
      text =
          "no test failed that passed before the run: "
              + counts
              + "; failing before the run as well: "
              + String.join(", ", failingBefore);
    } else if (round.passed() > 0) {
      text = "every test passed: " + counts;
    } else if (round.skipped() > 0) {
      text = "every test was skipped (" + counts + "), so nothing was verified";
    } else {
      text = "the test runners ran but reported no test, so nothing was verified";
    }
    return problems.isEmpty() ? text : text + "; " + String.join("; ", problems);
  }

  // pytest exits with 5 when it collected no test: nothing ran, nothing broke.
  private static boolean succeeded(TestSuite suite, TestProcess.Exit exit) {
    return exit.succeeded()
        || (suite.runner().equals("pytest") && exit.status() == 5 && exit.problem() == null);
  }

  private static String describe(TestSuite suite, TestProcess.Exit exit, boolean setup) {
    String command = setup ? "setup of " + suite.runner() : suite.runner();
    if (exit.timedOut()) {
      return command + " (timed out)";
    }
    if (exit.problem() != null) {
      return command + " (could not run)";
    }
    return command + " (exit status " + exit.status() + ", no test passed or failed)";
  }

  /**
   * A failure with its files and the tasks it goes back to: those that wrote the lines it ran, when
   * the project can tell, else those owning its files; none for a test that failed before the run.
   */
  private RoundResult.FailureDetail detail(
      String name,
      TestCase test,
      FailureOwners owners,
      Set<String> before,
      Map<String, Set<Integer>> ran) {
    List<String> files = owners.files(test);
    String output = test.detail();
    if (output.length() > OUTPUT_CHARS) {
      output =
          output.substring(0, OUTPUT_CHARS / 2)
              + "\n[…]\n"
              + output.substring(output.length() - OUTPUT_CHARS / 2);
    }
    List<String> blamed = List.of();
    if (!before.contains(name)) {
      Set<String> writers =
          ran.isEmpty() ? Set.of() : settings.project().writersOf(ran, owners.plan());
      blamed = writers.isEmpty() ? owners.owners(files) : owners.inPlanOrder(writers);
    }
    return new RoundResult.FailureDetail(name, files, blamed, output);
  }

  private List<TestCase> results(TestSuite suite, TestProcess.Exit exit, FileTime since)
      throws IOException {
    return switch (suite.results().format()) {
      case GO_JSON -> EventStreams.goTest(exit.stdout());
      case LIBTEST_JSON -> EventStreams.libtest(exit.stdout());
      case JUNIT_XML -> junit(suite.results(), since);
    };
  }

  // Reports lie in build output (target/surefire-reports): only installed dependencies are skipped.
  private static boolean inDependencies(Path report) {
    for (Path segment : report) {
      if (GeneratedFiles.isDependencyDirectory(segment.toString())) {
        return true;
      }
    }
    return false;
  }

  private static List<TestCase> junit(TestSuite.Results results, FileTime since)
      throws IOException {
    Path root = results.root();
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + results.glob());
    List<Path> reports;
    try (Stream<Path> walk = Files.walk(root)) {
      reports =
          walk.filter(Files::isRegularFile)
              .filter(p -> matcher.matches(root.relativize(p)))
              .filter(p -> !inDependencies(root.relativize(p)))
              .sorted()
              .toList();
    }
    List<TestCase> cases = new ArrayList<>();
    for (Path report : reports) {
      if (Files.getLastModifiedTime(report).compareTo(since) < 0) {
        continue; // a stale report copied with the project
      }
      try {
        cases.addAll(JUnitReports.read(report));
      } catch (IOException e) {
        if (!results.glob().equals("**.xml")) {
          throw e;
        }
        // Searching a whole project, most XML files are not reports.
      }
    }
    return cases;
  }

  private Optional<PythonSuite> python() {
    if (python == null) {
      python = PythonSuite.find(settings.environment());
    }
    return python;
  }

  private static Duration left(long deadline) {
    return Duration.ofNanos(deadline - System.nanoTime());
  }
}
