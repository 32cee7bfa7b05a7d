package dev.orchestrator.verify;

import java.io.File;
import java.io.IOException;
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

  static final String MISSING =
      "the project has Python tests, but no python3 on PATH has pytest installed; install pytest"
          + " (pip install pytest) or pass --verify-command";

  private final Path reports;
  private final Map<String, String> environment;

  PythonSuite(Path reports, Map<String, String> environment) {
    this.reports = reports;
    this.environment = environment;
  }

  /** The suite, or empty when no Python on {@code PATH} has pytest. */
  Optional<TestSuite> suite() {
    String withCoverage = pythonWith("pytest", "coverage");
    if (withCoverage != null) {
      return Optional.of(pytest(withCoverage, withCoverage));
    }
    String python = pythonWith("pytest");
    return python == null ? Optional.empty() : Optional.of(pytest(python, null));
  }

  private TestSuite pytest(String python, String withCoverage) {
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
    if (withCoverage == null) {
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
    List<String> command =
        new ArrayList<>(
            List.of(
                withCoverage,
                "-m",
                "coverage",
                "run",
                "--source=.", // the project only, even where dist-packages are not recognised
                "--data-file=" + data));
    command.addAll(pytest);
    return new TestSuite(
        "pytest",
        List.of(),
        command,
        List.of(
            List.of(
                withCoverage,
                "-m",
                "coverage",
                "json",
                "--data-file=" + data,
                "-o",
                json.toString())),
        Map.of(),
        results,
        CoverageReports.Coverage.COVERAGE_PY,
        json,
        "line coverage of the Python files the tests ran, test files included, measured by"
            + " coverage.py");
  }

  /** The first {@code python3} along {@code PATH} that imports all the modules, or null. */
  private String pythonWith(String... modules) {
    String script = "import " + String.join(", ", modules);
    for (String candidate : onPath("python3")) {
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

  private List<String> onPath(String program) {
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
