package dev.orchestrator.llm.fake;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fake's prompt cache: a request's input is a list of blocks in cache order (tools, system,
 * messages); a prefix that ends at a breakpoint and is at least {@link #MIN_TOKENS} long is stored,
 * and a later request that starts with a stored prefix reads it. Anthropic stores at its {@code
 * cache_control} breakpoints; OpenAI at every message boundary, rounded down to 128 tokens. Tokens
 * are characters / 4, rounded up. Thread-safe.
 */
final class PromptCacheSimulator {

  /** Anthropic's smallest cacheable prompt for Sonnet and OpenAI's automatic caching threshold. */
  static final int MIN_TOKENS = 1024;

  private final Set<String> stored = new HashSet<>();

  /** Token counts of one request's input. */
  record Usage(long input, long cacheRead, long cacheWrite) {
    long total() {
      return input + cacheRead + cacheWrite;
    }
  }

  static long tokens(long chars) {
    return (chars + 3) / 4;
  }

  /**
   * @param blocks the request's input in cache order, each as canonical text
   * @param breakpoints indices of the blocks that end a cacheable prefix, ascending
   * @param writes whether a miss at the last breakpoint stores it (Anthropic) or every breakpoint
   *     is stored for free (OpenAI, which reports no cache writes)
   */
  synchronized Usage use(
      String model,
      List<String> blocks,
      List<Integer> breakpoints,
      boolean writes,
      int granularity) {
    long total = 0;
    long[] ends = new long[blocks.size()];
    StringBuilder prefix = new StringBuilder(model).append('\u0000');
    String[] keys = new String[blocks.size()];
    for (int i = 0; i < blocks.size(); i++) {
      total += blocks.get(i).length();
      ends[i] = total;
      prefix.append(blocks.get(i)).append('\u0000');
      keys[i] = prefix.toString();
    }
    long totalTokens = tokens(total);
    long read = 0;
    for (int bp : breakpoints) {
      long t = round(tokens(ends[bp]), granularity);
      if (t >= MIN_TOKENS && stored.contains(keys[bp])) {
        read = Math.max(read, t);
      }
    }
    long write = 0;
    if (!breakpoints.isEmpty()) {
      int last = breakpoints.get(breakpoints.size() - 1);
      long t = round(tokens(ends[last]), granularity);
      if (writes && t >= MIN_TOKENS && !stored.contains(keys[last])) {
        write = t - read;
      }
    }
    for (int bp : breakpoints) {
      if (round(tokens(ends[bp]), granularity) >= MIN_TOKENS) {
        stored.add(keys[bp]);
      }
    }
    return new Usage(Math.max(0, totalTokens - read - write), read, write);
  }

  private static long round(long tokens, int granularity) {
    return tokens / granularity * granularity;
  }
}
