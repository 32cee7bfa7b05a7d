package dev.orchestrator.verify;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

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

  private static final List<String> MODULES = List.of("pytest", "coverage");

  private final String python;
  private final boolean withCoverage;

  private PythonSuite(String python, boolean withCoverage) {
    this.python = python;
    this.withCoverage = withCoverage;
  }

  /**
   * Finds the interpreter by asking each {@code python3} along {@code PATH} which of pytest and
   * coverage it has installed: the first with both, else the first with pytest; empty when none has
   * pytest. The interpreters do not change while a project is verified, so the caller asks once and
   * keeps the answer for every round.
   *
   * @param environment the environment the tests run in; its {@code PATH} finds the interpreters
   */
  static Optional<PythonSuite> find(Map<String, String> environment) {
    String withPytest = null;
    for (String candidate : onPath(environment, "python3")) {
      Set<String> installed;
      try {
        installed = installed(candidate, environment);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      if (installed.containsAll(MODULES)) {
        return Optional.of(new PythonSuite(candidate, true));
      }
      if (withPytest == null && installed.contains("pytest")) {
        withPytest = candidate;
      }
    }
    return Optional.ofNullable(withPytest).map(python -> new PythonSuite(python, false));
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

  // Which of MODULES the interpreter has, found without importing them (importing pytest alone
  // takes a quarter of a second); none when it cannot run.
  private static Set<String> installed(String python, Map<String, String> environment)
      throws InterruptedException {
    String script =
        "import importlib.util as u\nfor m in "
            + MODULES.stream().map(m -> "'" + m + "'").collect(Collectors.joining(", ", "(", ")"))
            + ":\n    print(m if u.find_spec(m) else '')";
    try {
      ProcessBuilder probe =
          new ProcessBuilder(python, "-c", script).redirectError(ProcessBuilder.Redirect.DISCARD);
      probe.environment().clear();
      probe.environment().putAll(environment);
      Process process = probe.start();
      // Its few bytes fit the pipe, so it is read once it has ended.
      if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out.lines().map(String::strip).filter(MODULES::contains).collect(Collectors.toSet());
      }
      process.destroyForcibly();
    } catch (IOException e) {
      // not runnable: no module
    }
    return Set.of();
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
