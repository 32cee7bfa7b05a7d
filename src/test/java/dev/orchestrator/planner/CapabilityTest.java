package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CapabilityTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "backend API",
        "frontend UI",
        "API gateway",
        "CI/CD pipeline",
        "monitoring",
        "PostgreSQL database",
        "Redis cache",
        "monitoring service"
      })
  void takes_a_list_item_of_technology_alone_as_technical(String item) {
    assertThat(Capability.isTechnical(item)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"payment gateway", "auth", "product catalog", "user service", "search"})
  void takes_a_list_item_naming_a_part_of_the_product_as_a_component(String item) {
    assertThat(Capability.isTechnical(item)).isFalse();
  }

  @Test
  void reports_each_capability_once_in_the_words_of_the_requirement() {
    assertThat(Capability.detect("loads CSV files into a PostgreSQL warehouse, then more CSV"))
        .extracting(Capability.Mention::capability, Capability.Mention::words)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Capability.FILE_FORMATS, "CSV"),
            org.assertj.core.groups.Tuple.tuple(Capability.DATABASE, "PostgreSQL warehouse"));
  }

  @Test
  void lets_an_api_gateway_hide_its_words_from_the_api() {
    assertThat(Capability.detect("an API gateway"))
        .extracting(Capability.Mention::capability)
        .containsExactly(Capability.API_GATEWAY);
  }

  @Test
  void matches_whole_words_only() {
    assertThat(Capability.detect("an author of a cicada encyclopedia")).isEmpty();
  }
}
