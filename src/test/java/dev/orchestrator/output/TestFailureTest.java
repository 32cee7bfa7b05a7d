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
