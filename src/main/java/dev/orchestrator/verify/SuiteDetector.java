package dev.orchestrator.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import dev.orchestrator.output.GeneratedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Finds how a project is tested from the files at its root and its test files: Maven, Gradle,
 * {@code go test}, {@code cargo test}, Node ({@code node --test} or {@code npm test}) and pytest,
 * each asked for a machine-readable report and, where the toolchain measures it, line coverage.
 * Several may apply to one project; each becomes a {@link TestSuite}.
 */
final class SuiteDetector {

  /** JaCoCo's Maven plugin, run by coordinates so the project's pom needs no change. */
  static final String JACOCO = "org.jacoco:jacoco-maven-plugin:0.8.15";

  private static final Set<String> PYTHON_MARKERS =
      Set.of(
          "pyproject.toml", "setup.cfg", "setup.py", "requirements.txt", "pytest.ini", "tox.ini");
  private static final Pattern PYTHON_TEST = Pattern.compile("test_.+\\.py|.+_test\\.py");
  // Node's own default patterns (node --test without arguments).
  private static final Pattern NODE_TEST =
      Pattern.compile("(.*[-_.])?test\\.(js|mjs|cjs)|test-.+\\.(js|mjs|cjs)|test\\.(js|mjs|cjs)");
  private static final Pattern SHELL_SYNTAX = Pattern.compile("[|&;<>()$`\\\\\"'*?]");

  private final Path project;
  private final List<String> files;
  private final Path reports;
  private final Supplier<Optional<PythonSuite>> python;

  /**
   * @param project the copy of the project the tests run in
   * @param files the files of the copy, relative and {@code /}-separated, as {@link
   *     ProjectCopy#copy} returned them
   * @param reports an empty directory outside the project for reports and coverage data
   * @param python the interpreter of a pytest suite (see {@link PythonSuite#find}), asked for only
   *     when the project has Python files
   */
  SuiteDetector(
      Path project, List<String> files, Path reports, Supplier<Optional<PythonSuite>> python) {
    this.project = project;
    // Dependencies and build output say nothing of how the project itself is tested.
    this.files = files.stream().filter(p -> !GeneratedFiles.contains(p)).toList();
    this.reports = reports;
    this.python = python;
  }

  /**
   * The suites of the project, with what was found but cannot run (a Python project without pytest
   * installed) in {@code problems}.
   */
  Detection detect() {
    List<TestSuite> suites = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (exists("pom.xml")) {
      suites.add(maven());
    } else if (exists("build.gradle") || exists("build.gradle.kts")) {
      suites.add(gradle());
    }
    if (exists("go.mod")) {
      suites.add(go());
    }
    if (exists("Cargo.toml")) {
      suites.add(cargo());
    }
    if (exists("package.json")) {
      suites.add(npm());
    } else if (files.stream().anyMatch(f -> isNodeTest(f))) {
      suites.add(node(List.of()));
    }
    if (PYTHON_MARKERS.stream().anyMatch(this::exists)
        || files.stream().anyMatch(f -> PYTHON_TEST.matcher(name(f)).matches())) {
      python
          .get()
          .ifPresentOrElse(
              p -> suites.add(p.suite(reports)), () -> problems.add(PythonSuite.MISSING));
    }
    return new Detection(suites, problems);
  }

  /** The suite of a command given with {@code --verify-command}, run by {@code sh -c}. */
  TestSuite custom(String command) {
    return new TestSuite(
        command,
        List.of(),
        List.of("sh", "-c", command),
        List.of(),
        Map.of(),
        TestSuite.Results.junit(project, "**.xml"),
        null,
        null,
        "not measured: --verify-command runs the tests as given, and the orchestrator reads no"
            + " coverage report of it");
  }

  /** The suites found, and what was found but cannot run. */
  record Detection(List<TestSuite> suites, List<String> problems) {}

  private TestSuite maven() {
    String mvn = Files.isExecutable(project.resolve("mvnw")) ? "./mvnw" : "mvn";
    return new TestSuite(
        "mvn test",
        List.of(),
        List.of(
            mvn,
            "-B",
            "-Dmaven.test.failure.ignore=true", // failures are read from the reports
            JACOCO + ":prepare-agent",
            "test",
            JACOCO + ":report"),
        List.of(),
        Map.of(),
        TestSuite.Results.junit(project, "**/surefire-reports/TEST-*.xml"),
        CoverageReports.Coverage.JACOCO,
        project.resolve("target/site/jacoco/jacoco.xml"),
        "line coverage of the main classes, measured by JaCoCo");
  }

  private TestSuite gradle() {
    String gradle = Files.isExecutable(project.resolve("gradlew")) ? "./gradlew" : "gradle";
    return new TestSuite(
        "gradle test",
        List.of(),
        List.of(gradle, "test", "--continue"),
        List.of(),
        Map.of(),
        TestSuite.Results.junit(project, "**/build/test-results/**.xml"),
        null,
        null,
        "not measured: coverage of a Gradle build needs the jacoco plugin in the build itself");
  }

  private TestSuite go() {
    Path profile = reports.resolve("go-cover.out");
    return new TestSuite(
        "go test",
        List.of(),
        List.of("go", "test", "-json", "-coverprofile=" + profile, "./..."),
        List.of(),
        Map.of(),
        TestSuite.Results.stdout(TestSuite.Format.GO_JSON),
        CoverageReports.Coverage.GO_PROFILE,
        profile,
        "statement coverage, measured by go test -coverprofile");
  }

  private TestSuite cargo() {
    return new TestSuite(
        "cargo test",
        List.of(),
        List.of("cargo", "test", "--", "-Z", "unstable-options", "--format", "json"),
        List.of(),
        // The harness's JSON output is unstable; this lets a stable toolchain write it.
        Map.of("RUSTC_BOOTSTRAP", "1"),
        TestSuite.Results.stdout(TestSuite.Format.LIBTEST_JSON),
        null,
        null,
        "not measured: cargo test measures no coverage");
  }

  private TestSuite npm() {
    JsonNode manifest;
    try {
      manifest = Json.mapper().readTree(project.resolve("package.json").toFile());
    } catch (IOException e) {
      manifest = Json.mapper().createObjectNode();
    }
    List<List<String>> setup = new ArrayList<>();
    if ((manifest.path("dependencies").size() > 0 || manifest.path("devDependencies").size() > 0)
        && !exists("node_modules")) {
      setup.add(List.of("npm", "install", "--no-audit", "--no-fund"));
    }
    String script = manifest.path("scripts").path("test").asText("").strip();
    List<String> words = script.isEmpty() ? List.of() : List.of(script.split("\\s+"));
    boolean nodeTest =
        words.size() >= 2
            && words.get(0).equals("node")
            && words.contains("--test")
            && !SHELL_SYNTAX.matcher(script).find();
    if (script.isEmpty() || nodeTest) {
      List<String> args = new ArrayList<>(nodeTest ? words.subList(1, words.size()) : List.of());
      args.remove("--test");
      TestSuite node = node(args);
      return new TestSuite(
          node.runner(),
          setup,
          node.command(),
          List.of(),
          Map.of(),
          node.results(),
          node.coverage(),
          node.coverageReport(),
          node.coverageNote());
    }
    return new TestSuite(
        "npm test",
        setup,
        List.of("npm", "test"),
        List.of(),
        Map.of(),
        TestSuite.Results.junit(project, "**.xml"),
        null,
        null,
        "not measured: the test script is not node --test, whose coverage the orchestrator reads");
  }

  private TestSuite node(List<String> args) {
    Path lcov = reports.resolve("lcov.info");
    List<String> command = new ArrayList<>(List.of("node", "--test"));
    command.addAll(
        List.of(
            "--experimental-test-coverage",
            "--test-reporter=spec",
            "--test-reporter-destination=stdout",
            "--test-reporter=junit",
            "--test-reporter-destination=" + reports.resolve("node-junit.xml"),
            "--test-reporter=lcov",
            "--test-reporter-destination=" + lcov));
    command.addAll(args);
    return new TestSuite(
        "node --test",
        List.of(),
        command,
        List.of(),
        Map.of(),
        TestSuite.Results.junit(reports, "node-junit.xml"),
        CoverageReports.Coverage.LCOV,
        lcov,
        "line coverage of the files the tests load, test files included, measured by node"
            + " --experimental-test-coverage");
  }

  private boolean exists(String name) {
    return Files.exists(project.resolve(name));
  }

  private static boolean isNodeTest(String path) {
    return NODE_TEST.matcher(name(path)).matches()
        || (path.matches("(.*/)?test/.+\\.(js|mjs|cjs)"));
  }

  private static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
