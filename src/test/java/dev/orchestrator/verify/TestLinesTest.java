package dev.orchestrator.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestLinesTest {

  @TempDir Path temp;

  @Test
  void reads_the_lines_each_failing_test_ran_from_coverage_contexts() throws Exception {
    Path report = temp.resolve("coverage.json");
    Files.writeString(
        report,
        """
        {"files": {
          "calc.py": {"executed_lines": [1, 2, 5],
                      "contexts": {"1": [""], "2": ["tests/test_calc.py::test_add"],
                                   "5": ["tests/test_calc.py::TestSub::test_sub[2]"]}},
          "tests/test_calc.py": {"contexts": {"4": ["tests/test_calc.py::test_add"]}}
        }}
        """);

    TestLines lines =
        TestLines.read(
            report, List.of("tests/test_calc.py::test_add", "tests/test_calc.py::test_sub[2]"));

    assertThat(lines.of("tests/test_calc.py::test_add"))
        .isEqualTo(Map.of("calc.py", Set.of(2), "tests/test_calc.py", Set.of(4)));
    // The verify step names a test in a class by its file and name.
    assertThat(lines.of("tests/test_calc.py::test_sub[2]")).isEqualTo(Map.of("calc.py", Set.of(5)));
    // Lines run while collecting (the empty context) are no test's.
    assertThat(lines.of("tests/test_calc.py::test_other")).isEmpty();
  }

  @Test
  void knows_no_lines_without_a_report_or_with_one_it_cannot_read() throws Exception {
    Path broken = Files.writeString(temp.resolve("coverage.json"), "{\"files\": [");

    assertThat(TestLines.read(temp.resolve("missing.json"), List.of("a.py::t")).of("a.py::t"))
        .isEmpty();
    assertThat(TestLines.read(broken, List.of("a.py::t")).of("a.py::t")).isEmpty();
  }

  @Test
  void a_node_id_matches_its_test_by_file_and_name_only() {
    assertThat(TestLines.matches("t/test_a.py::test_b", "t/test_a.py::test_b")).isTrue();
    assertThat(TestLines.matches("t/test_a.py::TestA::test_b", "t/test_a.py::test_b")).isTrue();
    assertThat(TestLines.matches("t/test_a.py::test_bc", "t/test_a.py::test_b")).isFalse();
    assertThat(TestLines.matches("t/test_x.py::test_b", "t/test_a.py::test_b")).isFalse();
    assertThat(TestLines.matches("", "t/test_a.py::test_b")).isFalse();
  }
}
