package dev.orchestrator.verify;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The pytest suite of a Python project, run by the first {@code python3} along {@code PATH} that
 * has pytest; with coverage.py when a {@code python3} there has both (Debian's python3-coverage
 * installs for {@code /usr/bin/python3}, which may come after another Python on {@code PATH}).
 */
final class PythonSuite {

  /** The pytest plugin that names each test's lines in coverage.py's data, by its module name. */
  static final String CONTEXTS_PLUGIN = "orchestrator_test_contexts";

  /** Set by a suite to directories that go before the project's own {@code PYTHONPATH}. */
  static final String PYTHONPATH = "PYTHONPATH";

  static final String MISSING =
      "the project has Python tests, but no python3 on PATH has pytest installed; install pytest"
          + " (pip install pytest) or pass --verify-command";

  private final String python;
  private final boolean withCoverage;

  private PythonSuite(String python, boolean withCoverage) {
    this.python = python;
    this.withCoverage = withCoverage;
  }

  /**
   * Finds the interpreter by starting each {@code python3} along {@code PATH} until one imports
   * pytest (and coverage); empty when none has pytest. The interpreters do not change while a
   * project is verified, so the caller asks once and keeps the answer for every round.
   *
   * @param environment the environment the tests run in; its {@code PATH} finds the interpreters
   */
  static Optional<PythonSuite> find(Map<String, String> environment) {
    String withCoverage = pythonWith(environment, "pytest", "coverage");
    if (withCoverage != null) {
      return Optional.of(new PythonSuite(withCoverage, true));
    }
    String python = pythonWith(environment, "pytest");
    return python == null ? Optional.empty() : Optional.of(new PythonSuite(python, false));
  }

  /** The suite, writing its reports into {@code reports}. */
  TestSuite suite(Path reports) {
    List<String> pytest =
        List.of(
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-o",
            "junit_family=xunit1", // names each test's file
            "--junitxml=" + reports.resolve("pytest-junit.xml"));
    TestSuite.Results results = TestSuite.Results.junit(reports, "pytest-junit.xml");
    if (!withCoverage) {
      List<String> command = new ArrayList<>(List.of(python));
      command.addAll(pytest);
      return new TestSuite(
          "pytest",
          List.of(),
          command,
          List.of(),
          Map.of(),
          results,
          null,
          null,
          "not measured: coverage.py is not installed for " + python);
    }
    Path data = reports.resolve(".coverage");
    Path json = reports.resolve("coverage.json");
    Path plugins = reports.resolve("plugins");
    writePlugin(plugins);
    List<String> command =
        new ArrayList<>(
            List.of(
                python,
                "-m",
                "coverage",
                "run",
                "--source=.", // the project only, even where dist-packages are not recognised
                "--data-file=" + data));
    command.addAll(pytest);
    command.addAll(List.of("-p", CONTEXTS_PLUGIN));
    return new TestSuite(
        "pytest",
        List.of(),
        command,
        List.of(
            List.of(
                python,
                "-m",
                "coverage",
                "json",
                "--show-contexts",
                "--data-file=" + data,
                "-o",
                json.toString())),
        Map.of(PYTHONPATH, plugins.toString()),
        results,
        CoverageReports.Coverage.COVERAGE_PY,
        json,
        "line coverage of the Python files the tests ran, test files included, measured by"
            + " coverage.py");
  }

  // Records each test's lines under its node id (see the plugin's comment).
  private static void writePlugin(Path dir) {
    try (InputStream in = PythonSuite.class.getResourceAsStream(CONTEXTS_PLUGIN + ".py")) {
      Files.createDirectories(dir);
      Files.write(dir.resolve(CONTEXTS_PLUGIN + ".py"), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the test contexts plugin into " + dir, e);
    }
  }

  /** The first {@code python3} along {@code PATH} that imports all the modules, or null. */
  private static String pythonWith(Map<String, String> environment, String... modules) {
    String script = "import " + String.join(", ", modules);
    for (String candidate : onPath(environment, "python3")) {
      try {
        ProcessBuilder probe =
            new ProcessBuilder(candidate, "-c", script)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        probe.environment().clear();
        probe.environment().putAll(environment);
        Process process = probe.start();
        if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
          return candidate;
        }
        process.destroyForcibly();
      } catch (IOException e) {
        // not runnable: try the next one
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }

  private static List<String> onPath(Map<String, String> environment, String program) {
    Set<String> found = new LinkedHashSet<>();
    for (String dir : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = dir.isEmpty() ? null : Path.of(dir, program);
      if (candidate != null && Files.isExecutable(candidate)) {
        found.add(candidate.toAbsolutePath().toString());
      }
    }
    return List.copyOf(found);
  }
}
