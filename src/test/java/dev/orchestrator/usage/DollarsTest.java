package dev.orchestrator.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DollarsTest {

  @Test
  void a_cost_reported_as_a_double_becomes_the_decimal_it_stands_for() {
    // What Claude Code 2.1.197 printed as total_cost_usd, read as Jackson reads a double.
    BigDecimal reported = BigDecimal.valueOf(0.04839500000000001);

    assertThat(Dollars.exact(reported).toPlainString()).isEqualTo("0.048395");
  }

  @Test
  void sums_of_exact_costs_carry_no_float_noise() {
    BigDecimal sum = BigDecimal.ZERO;
    for (double cost : new double[] {0.04839500000000001, 0.05, 0.04588499999999999}) {
      sum = sum.add(Dollars.exact(BigDecimal.valueOf(cost)));
    }

    assertThat(sum.stripTrailingZeros().toPlainString()).isEqualTo("0.14428");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "0, $0.00",
    "1.5, $1.50",
    "0.144280000000000006, $0.14",
    "0.01, $0.01",
    "0.0048, $0.0048",
    "0.00004, under $0.0001",
    "12.345, $12.35"
  })
  void amounts_print_to_the_cent_and_to_four_places_under_a_cent(String amount, String shown) {
    assertThat(Dollars.format(new BigDecimal(amount))).isEqualTo(shown);
  }
}
