package dev.orchestrator.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.ConfigurationException;
import dev.orchestrator.usage.Tokens;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableTest {

  @TempDir Path temp;

  @Test
  void prices_a_model_and_its_dated_snapshots_but_not_a_newer_sibling() {
    PriceTable table = PriceTable.builtIn();

    assertThat(table.priceOf("claude-sonnet-4-5")).isPresent();
    assertThat(table.priceOf("claude-sonnet-4-5-20250929"))
        .isEqualTo(table.priceOf("claude-sonnet-4-5"));
    assertThat(table.priceOf("gpt-4o-2024-08-06")).isEqualTo(table.priceOf("gpt-4o"));
    assertThat(table.priceOf("claude-sonnet-9")).isEmpty();
    assertThat(table.priceOf("llama3.1:8b")).isEmpty();
  }

  @Test
  void costs_each_kind_of_token_at_its_price_per_million() {
    ModelPrice sonnet = PriceTable.builtIn().priceOf("claude-sonnet-4-5").orElseThrow();

    BigDecimal cost = sonnet.cost(new Tokens(1_000_000, 100_000, 2_000_000, 400_000));

    // 3.00 + 1.50 + 0.60 + 1.50
    assertThat(cost).isEqualByComparingTo("6.60");
  }

  @Test
  void a_file_adds_models_and_overrides_prices_with_cache_prices_defaulting_to_input()
      throws Exception {
    Path file = temp.resolve("prices.json");
    Files.writeString(
        file,
        "{\"models\": {\"llama3.1\": {\"input\": 0, \"output\": 0},"
            + " \"gpt-4o\": {\"input\": 1, \"output\": 2}}}");

    PriceTable table = PriceTable.builtIn().overriddenBy(PriceTable.read(file));

    assertThat(table.priceOf("llama3.1").orElseThrow().cost(new Tokens(10, 10, 10, 10))).isZero();
    ModelPrice gpt = table.priceOf("gpt-4o").orElseThrow();
    assertThat(gpt.input()).isEqualByComparingTo("1");
    assertThat(gpt.cacheRead()).isEqualByComparingTo("1");
    assertThat(table.priceOf("claude-sonnet-4-5")).isPresent();
  }

  @Test
  void lists_every_problem_of_a_bad_file() throws Exception {
    Path file = temp.resolve("prices.json");
    Files.writeString(
        file, "{\"models\": {\"a\": {\"output\": 1}, \"b\": {\"input\": -1, \"output\": \"x\"}}}");

    assertThatThrownBy(() -> PriceTable.read(file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("a has no \"input\" price")
        .hasMessageContaining("b has input = -1")
        .hasMessageContaining("b has output = \"x\"");
  }
}
