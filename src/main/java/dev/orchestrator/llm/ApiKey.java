package dev.orchestrator.llm;

import static java.util.Objects.requireNonNull;

/**
 * A provider's secret key. Its text leaves this object only through {@link #reveal()}, which is
 * called when the model client is built; {@link #toString()} and every message show it masked, and
 * {@link #scrub} removes it from text that came back from a provider before it is printed or
 * logged.
 *
 * <p>Not a record on purpose: a record's generated {@code toString} would print the secret.
 */
public final class ApiKey {

  private static final String MASK = "****";

  private final String secret;
  private final String source;

  /**
   * @param secret the key, not blank
   * @param source where it was read, for messages: {@code ANTHROPIC_API_KEY}, a config file
   */
  public ApiKey(String secret, String source) {
    requireNonNull(secret, "secret");
    if (secret.isBlank()) {
      throw new IllegalArgumentException("an API key must not be blank");
    }
    this.secret = secret.strip();
    this.source = requireNonNull(source, "source");
  }

  /** The key itself; only for the HTTP header of a request. */
  public String reveal() {
    return secret;
  }

  /** Where the key was read, e.g. {@code ANTHROPIC_API_KEY}; never the key. */
  public String source() {
    return source;
  }

  /** The text with every occurrence of the key replaced by a mask; null stays null. */
  public String scrub(String text) {
    return text == null ? null : text.replace(secret, MASK);
  }

  @Override
  public String toString() {
    return "ApiKey[" + MASK + " from " + source + "]";
  }
}
