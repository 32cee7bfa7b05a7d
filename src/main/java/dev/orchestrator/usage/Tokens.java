package dev.orchestrator.usage;

/**
 * Tokens of one model request, or a sum of them.
 *
 * @param input input tokens read neither from nor into the prompt cache
 * @param output tokens the model generated
 * @param cacheRead input tokens served from the prompt cache
 * @param cacheWrite input tokens written into the prompt cache (Anthropic; OpenAI caches for free)
 */
public record Tokens(long input, long output, long cacheRead, long cacheWrite) {

  public static final Tokens NONE = new Tokens(0, 0, 0, 0);

  public Tokens {
    if (input < 0 || output < 0 || cacheRead < 0 || cacheWrite < 0) {
      throw new IllegalArgumentException(
          "token counts must not be negative: "
              + input
              + ", "
              + output
              + ", "
              + cacheRead
              + ", "
              + cacheWrite);
    }
  }

  /** Every input token of the request, wherever it came from. */
  public long totalInput() {
    return input + cacheRead + cacheWrite;
  }

  public Tokens plus(Tokens other) {
    return new Tokens(
        input + other.input,
        output + other.output,
        cacheRead + other.cacheRead,
        cacheWrite + other.cacheWrite);
  }
}
