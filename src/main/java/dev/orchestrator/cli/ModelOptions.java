package dev.orchestrator.cli;

import dev.orchestrator.llm.Provider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The language model behind the planner and the executors, and the limits of its use: {@code
 * --real}, {@code --provider}, {@code --model}, {@code --base-url}, ... Declarations only; {@link
 * BackendFactory} makes the client.
 */
final class ModelOptions {

  @Option(
      names = "--real",
      description =
          "Work with a language model or coding agent instead of offline (see --planner and"
              + " --executor for which).")
  boolean real;

  @Option(
      names = "--provider",
      paramLabel = "PROVIDER",
      converter = ProviderConverter.class,
      completionCandidates = ProviderNames.class,
      description =
          "Model API: anthropic, or openai for any OpenAI-compatible server (OpenAI, Ollama, vLLM,"
              + " llama.cpp, LM Studio). Default: anthropic if ANTHROPIC_API_KEY is set, else"
              + " openai if OPENAI_API_KEY is.")
  Provider provider;

  @Option(
      names = "--model",
      paramLabel = "NAME",
      description =
          "Model name (default: claude-sonnet-4-5 or gpt-4.1-mini; Claude Code's own for claude-code).")
  String model;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "API root, e.g. http://localhost:11434/v1 for Ollama; /v1 is added to a URL without a path.")
  String baseUrl;

  @Option(
      names = "--max-output-tokens",
      paramLabel = "N",
      defaultValue = "8192",
      description = "Most tokens one model reply may have (default: ${DEFAULT-VALUE}).")
  int maxOutputTokens;

  @Option(
      names = "--price-table",
      paramLabel = "FILE",
      description = "JSON prices per model that add to and override the built-in ones.")
  Path priceTable;

  @Option(
      names = "--max-concurrent-requests",
      paramLabel = "N",
      defaultValue = "4",
      description =
          "Most model requests in flight at once, across all executors (default: ${DEFAULT-VALUE}).")
  int maxConcurrentRequests;

  @Option(
      names = "--request-timeout",
      paramLabel = "DURATION",
      defaultValue = "300s",
      converter = DurationConverter.class,
      description = "Time limit of one model request (default: ${DEFAULT-VALUE}).")
  Duration requestTimeout;

  @Option(
      names = "--request-retries",
      paramLabel = "N",
      defaultValue = "5",
      description =
          "Further attempts of a model request after a rate limit, overload, server error or"
              + " dropped connection, honouring retry-after (default: ${DEFAULT-VALUE}).")
  int requestRetries;

  /** Reads {@code --provider} by {@link Provider#id()}. */
  static final class ProviderConverter implements ITypeConverter<Provider> {
    @Override
    public Provider convert(String value) {
      return Provider.byId(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "\"" + value + "\" is not known; use " + String.join(" or ", ids())));
    }
  }

  /** The provider names, for help and shell completion. */
  static final class ProviderNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return ids().iterator();
    }
  }

  private static List<String> ids() {
    return Arrays.stream(Provider.values()).map(Provider::id).toList();
  }
}
