package dev.orchestrator.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.verify.TestCase.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Test results and coverage are read from the runners' machine formats, as they write them. */
class ReportReadingTest {

  @TempDir Path temp;

  private Path file(String name, String content) throws IOException {
    Path file = temp.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  @Nested
  @DisplayName("JUnit XML")
  class JUnit {

    @Test
    @DisplayName("pytest's xunit1 report names each test by its file; a failure keeps its trace")
    void pytest() throws IOException {
      Path report =
          file(
              "pytest.xml",
              "<?xml version=\"1.0\" encoding=\"utf-8\"?><testsuites><testsuite name=\"pytest\">"
                  + "<testcase classname=\"tests.test_calc\" name=\"test_add\""
                  + " file=\"tests/test_calc.py\" line=\"3\" time=\"0.001\">"
                  + "<failure message=\"assert -1 == 5\">calc.py:2: AssertionError</failure>"
                  + "</testcase><testcase classname=\"tests.test_calc\" name=\"test_sub\""
                  + " file=\"tests/test_calc.py\"/><testcase classname=\"t\" name=\"test_later\""
                  + " file=\"tests/test_calc.py\"><skipped message=\"later\"/></testcase>"
                  + "</testsuite></testsuites>");

      assertThat(JUnitReports.read(report))
          .extracting(TestCase::name, TestCase::outcome)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("tests/test_calc.py::test_add", Outcome.FAILED),
              org.assertj.core.groups.Tuple.tuple("tests/test_calc.py::test_sub", Outcome.PASSED),
              org.assertj.core.groups.Tuple.tuple(
                  "tests/test_calc.py::test_later", Outcome.SKIPPED));
      assertThat(JUnitReports.read(report).get(0).detail()).contains("assert -1 == 5", "calc.py:2");
    }

    @Test
    @DisplayName("Surefire's report names a test by class; an error outranks a failure")
    void surefire() throws IOException {
      Path report =
          file(
              "TEST-calc.CalcTest.xml",
              "<testsuite name=\"calc.CalcTest\"><testcase name=\"adds\" classname=\"calc.CalcTest\">"
                  + "<failure message=\"boom\"/><error message=\"worse\"/></testcase></testsuite>");

      TestCase test = JUnitReports.read(report).get(0);

      assertThat(test.name()).isEqualTo("calc.CalcTest.adds");
      assertThat(test.className()).isEqualTo("calc.CalcTest");
      assertThat(test.outcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    @DisplayName("an external entity is not read")
    void no_external_entities() throws IOException {
      Path secret = file("secret.txt", "do not read me");
      Path report =
          file(
              "evil.xml",
              "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \""
                  + secret.toUri()
                  + "\">]><testsuite><testcase name=\"a\"><failure>&x;</failure></testcase>"
                  + "</testsuite>");

      try {
        assertThat(JUnitReports.read(report)).allMatch(t -> !t.detail().contains("do not read"));
      } catch (IOException refused) {
        assertThat(refused).hasMessageContaining("not a readable JUnit XML report");
      }
    }

    @Test
    @DisplayName("a file that is not XML is an error that names it")
    void not_xml() throws IOException {
      Path report = file("broken.xml", "<testsuite><testcase");

      assertThatThrownBy(() -> JUnitReports.read(report)).hasMessageContaining("broken.xml");
    }
  }

  @Nested
  @DisplayName("event streams")
  class Events {

    @Test
    @DisplayName("go test -json: tests by action; a package that does not build is an error")
    void go() throws IOException {
      Path stdout =
          file(
              "go.log",
              String.join(
                  "\n",
                  "{\"Action\":\"run\",\"Package\":\"calc\",\"Test\":\"TestAdd\"}",
                  "{\"Action\":\"output\",\"Package\":\"calc\",\"Test\":\"TestAdd\","
                      + "\"Output\":\"calc_test.go:9: got -1\\n\"}",
                  "{\"Action\":\"fail\",\"Package\":\"calc\",\"Test\":\"TestAdd\"}",
                  "{\"Action\":\"pass\",\"Package\":\"calc\",\"Test\":\"TestSub\"}",
                  "{\"Action\":\"fail\",\"Package\":\"calc\"}",
                  "not json",
                  "{\"Action\":\"fail\",\"Package\":\"web\"}"));

      assertThat(EventStreams.goTest(stdout))
          .extracting(TestCase::name, TestCase::outcome)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("calc.TestAdd", Outcome.FAILED),
              org.assertj.core.groups.Tuple.tuple("calc.TestSub", Outcome.PASSED),
              org.assertj.core.groups.Tuple.tuple("web", Outcome.ERROR));
      assertThat(EventStreams.goTest(stdout).get(0).detail()).contains("calc_test.go:9");
    }

    @Test
    @DisplayName("Rust's libtest JSON: ok, failed and ignored tests")
    void libtest() throws IOException {
      Path stdout =
          file(
              "cargo.log",
              "{ \"type\": \"suite\", \"event\": \"started\", \"test_count\": 3 }\n"
                  + "{ \"type\": \"test\", \"event\": \"ok\", \"name\": \"tests::adds\" }\n"
                  + "{ \"type\": \"test\", \"event\": \"failed\", \"name\": \"tests::subs\","
                  + " \"stdout\": \"panicked at src/lib.rs:9\" }\n"
                  + "{ \"type\": \"test\", \"event\": \"ignored\", \"name\": \"tests::later\" }\n");

      assertThat(EventStreams.libtest(stdout))
          .extracting(TestCase::outcome)
          .containsExactly(Outcome.PASSED, Outcome.FAILED, Outcome.SKIPPED);
    }
  }

  @Nested
  @DisplayName("coverage")
  class Coverage {

    @Test
    @DisplayName("coverage.py JSON: covered lines over statements")
    void coverage_py() throws IOException {
      Path report = file("c.json", "{\"totals\": {\"covered_lines\": 3, \"num_statements\": 4}}");

      assertThat(CoverageReports.coveragePy(report).ratio()).isEqualTo(0.75);
    }

    @Test
    @DisplayName("LCOV: the sums of lines hit over lines found")
    void lcov() throws IOException {
      Path report = file("lcov.info", "SF:a.js\nLF:4\nLH:1\nend_of_record\nSF:b.js\nLF:4\nLH:4\n");

      assertThat(CoverageReports.lcov(report).ratio()).isEqualTo(0.625);
    }

    @Test
    @DisplayName("JaCoCo XML: the report's own line counter, its DTD not loaded")
    void jacoco() throws IOException {
      Path report =
          file(
              "jacoco.xml",
              "<?xml version=\"1.0\"?><!DOCTYPE report PUBLIC \"-//JACOCO//DTD Report 1.1//EN\""
                  + " \"report.dtd\"><report name=\"calc\"><package name=\"calc\">"
                  + "<counter type=\"LINE\" missed=\"9\" covered=\"1\"/></package>"
                  + "<counter type=\"INSTRUCTION\" missed=\"0\" covered=\"9\"/>"
                  + "<counter type=\"LINE\" missed=\"1\" covered=\"3\"/></report>");

      assertThat(CoverageReports.jacoco(report).ratio()).isEqualTo(0.75);
    }

    @Test
    @DisplayName("go cover profile: a block covered by any test binary counts once")
    void go_profile() throws IOException {
      Path report =
          file(
              "cover.out",
              "mode: set\ncalc/a.go:1.1,2.2 3 1\ncalc/a.go:3.1,4.2 1 0\ncalc/a.go:3.1,4.2 1 0\n");

      assertThat(CoverageReports.goProfile(report).ratio()).isEqualTo(0.75);
    }

    @Test
    @DisplayName("a report that measured nothing is not a coverage of zero")
    void nothing_measured() throws IOException {
      Path report = file("empty.info", "");

      assertThat(CoverageReports.lcov(report)).isNull();
    }
  }
}
