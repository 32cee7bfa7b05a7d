package dev.orchestrator.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which test runners a project's files call for, read from the list of the copied files. */
class SuiteDetectorTest {

  @TempDir Path project;
  @TempDir Path reports;
  final AtomicInteger probes = new AtomicInteger();

  private SuiteDetector.Detection detect(String... files) {
    return new SuiteDetector(
            project,
            List.of(files),
            reports,
            () -> {
              probes.incrementAndGet();
              return Optional.empty();
            })
        .detect();
  }

  @Test
  void a_node_test_file_in_the_copy_calls_for_node_test() {
    SuiteDetector.Detection detection = detect("src/calc.js", "test/calc.test.js");

    assertThat(detection.suites()).extracting(TestSuite::runner).containsExactly("node --test");
  }

  @Test
  void test_files_in_build_output_call_for_no_runner() {
    SuiteDetector.Detection detection = detect("build/calc.test.js", "build/lib/test_calc.py");

    assertThat(detection.suites()).isEmpty();
    assertThat(detection.problems()).isEmpty();
    assertThat(probes).hasValue(0);
  }

  @Test
  void a_python_test_file_asks_for_an_interpreter_and_says_when_there_is_none() {
    SuiteDetector.Detection detection = detect("calc.py", "tests/test_calc.py");

    assertThat(detection.suites()).isEmpty();
    assertThat(detection.problems()).containsExactly(PythonSuite.MISSING);
    assertThat(probes).hasValue(1);
  }
}
