package dev.orchestrator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EffortTest {

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource({"low, LOW", "Medium, MEDIUM", "' HIGH ', HIGH"})
  void reads_labels_in_any_case(String label, Effort effort) {
    assertThat(Effort.fromLabel(label)).contains(effort);
  }

  @Test
  @DisplayName("an unknown label is no effort")
  void unknown_label() {
    assertThat(Effort.fromLabel("huge")).isEmpty();
  }

  @Test
  @DisplayName("labels are written in lower case")
  void writes_lower_case() {
    assertThat(Effort.MEDIUM.label()).isEqualTo("medium");
  }
}
