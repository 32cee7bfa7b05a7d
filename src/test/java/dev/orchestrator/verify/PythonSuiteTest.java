package dev.orchestrator.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonSuiteTest {

  @TempDir Path temp;

  @Test
  void the_first_python3_with_pytest_and_coverage_runs_the_tests_under_coverage()
      throws IOException {
    Path pytestOnly = python3("pytest-only", "pytest");
    Path both = python3("both", "pytest", "coverage");

    Optional<PythonSuite> found = PythonSuite.find(path(pytestOnly, both));

    TestSuite suite = found.orElseThrow().suite(temp.resolve("reports"));
    assertThat(suite.command()).startsWith(both.resolve("python3").toString(), "-m", "coverage");
    assertThat(suite.coverage()).isEqualTo(CoverageReports.Coverage.COVERAGE_PY);
  }

  @Test
  void without_coverage_anywhere_the_first_python3_with_pytest_runs_them_plainly()
      throws IOException {
    Path nothing = python3("nothing");
    Path coverageOnly = python3("coverage-only", "coverage");
    Path pytestOnly = python3("pytest-only", "pytest");
    Path laterPytest = python3("later-pytest", "pytest");

    TestSuite suite =
        PythonSuite.find(path(nothing, coverageOnly, pytestOnly, laterPytest))
            .orElseThrow()
            .suite(temp.resolve("reports"));

    assertThat(suite.command())
        .startsWith(pytestOnly.resolve("python3").toString(), "-m", "pytest");
    assertThat(suite.coverage()).isNull();
  }

  @Test
  void no_python3_with_pytest_finds_nothing() throws IOException {
    Path broken = Files.createDirectories(temp.resolve("broken"));
    Files.writeString(broken.resolve("python3"), "#!/bin/sh\nexit 1\n");
    Files.setPosixFilePermissions(
        broken.resolve("python3"), PosixFilePermissions.fromString("rwxr-xr-x"));

    assertThat(PythonSuite.find(path(broken, python3("coverage-only", "coverage")))).isEmpty();
    assertThat(PythonSuite.find(Map.of("PATH", temp.resolve("absent").toString()))).isEmpty();
  }

  // A python3 that answers the interpreter probe as one with these modules installed would.
  private Path python3(String name, String... modules) throws IOException {
    Path dir = Files.createDirectories(temp.resolve(name));
    Path python = dir.resolve("python3");
    Files.writeString(
        python,
        "#!/bin/sh\n"
            + Stream.of(modules).map(m -> "echo " + m + "\n").collect(Collectors.joining()));
    Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }

  private static Map<String, String> path(Path... dirs) {
    return Map.of("PATH", Stream.of(dirs).map(Path::toString).collect(Collectors.joining(":")));
  }
}
