package dev.orchestrator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ComplexityTest {

  @ParameterizedTest(name = "score {0} is {1}")
  @CsvSource({
    "0, simple",
    "24, simple",
    "25, moderate",
    "49, moderate",
    "50, complex",
    "74, complex",
    "75, very complex",
    "100, very complex"
  })
  void band(int score, String band) {
    assertThat(new Complexity(score, "", List.of(), List.of()).band()).isEqualTo(band);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 101})
  @DisplayName("a score outside 0..100 is refused")
  void score_range(int score) {
    assertThatThrownBy(() -> new Complexity(score, "", List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("complexity score must be 0..100, was " + score);
  }
}
