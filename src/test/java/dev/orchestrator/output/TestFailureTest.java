package dev.orchestrator.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestFailureTest {

  @Test
  void an_excerpt_keeps_the_first_three_non_blank_lines_stripped() {
    String output =
        "\n   def test_add():\n\n>      assert add(2, 3) == 5\nE      assert -1 == 5\nE  + x\n";

    assertThat(TestFailure.excerptOf(output))
        .isEqualTo("def test_add():\n>      assert add(2, 3) == 5\nE      assert -1 == 5");
  }

  @Test
  void a_build_that_broke_before_its_tests_shows_the_lines_its_tool_marks_as_errors() {
    String maven =
        "\u001B[0m[INFO] Scanning for projects...\n[INFO]\n[INFO] --- compiler:3.14.0:compile ---\n"
            + "[INFO] Compiling 1 source file\n[ERROR] COMPILATION ERROR :\n"
            + "[ERROR] /p/src/main/java/calc/Calc.java:[1,85] ';' expected\n[INFO] 1 error\n"
            + "[ERROR] Failed to execute goal compile\n[ERROR] -> [Help 1]\n";
    String javac = "Compiling...\nCalc.java:1: error: ';' expected\n  int x = 1\n";
    String cargo =
        "   Compiling calc v0.1.0\nerror[E0425]: cannot find value `y`\n --> src/lib.rs\n";

    assertThat(TestFailure.excerptOf(maven))
        .isEqualTo(
            "[ERROR] COMPILATION ERROR :\n[ERROR] /p/src/main/java/calc/Calc.java:[1,85] ';'"
                + " expected\n[ERROR] Failed to execute goal compile");
    assertThat(TestFailure.excerptOf(javac)).isEqualTo("Calc.java:1: error: ';' expected");
    assertThat(TestFailure.excerptOf(cargo)).isEqualTo("error[E0425]: cannot find value `y`");
  }

  @Test
  void a_message_that_only_mentions_an_error_keeps_its_first_lines() {
    String output = "def test_parse():\n>   parse('x')\nE   ValueError: error in x\n";

    assertThat(TestFailure.excerptOf(output)).isEqualTo(output.strip());
  }

  @Test
  void terminal_colour_codes_are_left_out() {
    assertThat(TestFailure.excerptOf("\u001B[1;31mFAILED\u001B[0m test_add"))
        .isEqualTo("FAILED test_add");
  }

  @Test
  void a_long_line_is_cut_short_with_an_ellipsis() {
    String excerpt = TestFailure.excerptOf("x".repeat(500));

    assertThat(excerpt).hasSize(160).endsWith("…");
  }

  @Test
  void no_output_gives_an_empty_excerpt() {
    assertThat(TestFailure.excerptOf("  \n\n")).isEmpty();
    assertThat(new TestFailure("t", java.util.List.of()).excerpt()).isEmpty();
  }
}
