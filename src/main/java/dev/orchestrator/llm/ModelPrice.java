package dev.orchestrator.llm;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.usage.Tokens;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a model costs, in US dollars per million tokens of each kind.
 *
 * @param cacheRead per million input tokens read from the prompt cache
 * @param cacheWrite per million input tokens written into the prompt cache
 */
public record ModelPrice(
    BigDecimal input, BigDecimal output, BigDecimal cacheRead, BigDecimal cacheWrite) {

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  // Micro-dollars: fine enough for one cheap request, and sums stay exact.
  private static final int SCALE = 6;

  public ModelPrice {
    requireNonNull(input, "input");
    requireNonNull(output, "output");
    requireNonNull(cacheRead, "cacheRead");
    requireNonNull(cacheWrite, "cacheWrite");
  }

  /** The cost of the tokens, in US dollars, rounded to a millionth of a dollar. */
  public BigDecimal cost(Tokens tokens) {
    BigDecimal perMillion =
        input
            .multiply(BigDecimal.valueOf(tokens.input()))
            .add(output.multiply(BigDecimal.valueOf(tokens.output())))
            .add(cacheRead.multiply(BigDecimal.valueOf(tokens.cacheRead())))
            .add(cacheWrite.multiply(BigDecimal.valueOf(tokens.cacheWrite())));
    return perMillion.divide(MILLION, SCALE, RoundingMode.HALF_UP);
  }
}
