package dev.orchestrator.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts in US dollars as exact decimals. Costs arrive as binary floating point from some sources
 * (Claude Code reports {@code 0.04839500000000001}); {@link #exact} takes them to the decimal they
 * stand for, so that sums stay free of float noise, and {@link #format} prints them for people.
 */
public final class Dollars {

  /**
   * Decimal places kept. Prices are dollars per million tokens, so a cost has about eight places;
   * ten hold every real cost exactly and drop the noise a double carries in its last digits.
   */
  public static final int PLACES = 10;

  private static final BigDecimal CENT = new BigDecimal("0.01");

  private Dollars() {}

  /** The amount to {@value #PLACES} places without trailing zeros; null stays null. */
  public static BigDecimal exact(BigDecimal amount) {
    if (amount == null) {
      return null;
    }
    BigDecimal rounded = amount.setScale(PLACES, RoundingMode.HALF_UP).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
  }

  /**
   * For people: {@code $1.50}, rounded to the cent; under a cent to four places, {@code $0.0048};
   * less than that is {@code under $0.0001}; nothing at all is {@code $0.00}.
   */
  public static String format(BigDecimal amount) {
    BigDecimal abs = amount.abs();
    if (abs.signum() == 0 || abs.compareTo(CENT) >= 0) {
      return "$" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
    BigDecimal rounded = amount.setScale(4, RoundingMode.HALF_UP);
    return rounded.signum() == 0 ? "under $0.0001" : "$" + rounded.toPlainString();
  }
}
