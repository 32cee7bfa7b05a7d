package dev.orchestrator.cli;

import dev.orchestrator.llm.Provider;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Which planner and which executors a run uses, and the language model behind them: {@code
 * --planner}, {@code --executor}, {@code --provider}, {@code --model}, {@code --base-url}, and the
 * limits of model use. Declarations only; {@link BackendFactory} makes what they name.
 */
final class ProviderOptions {

  /** Who plans. */
  enum PlannerKind {
    HEURISTIC,
    LLM,
    CLAUDE_CODE;

    /** The name on the command line, in help and in completion: {@code claude-code}. */
    @Override
    public String toString() {
      return label(this);
    }
  }

  /** Who executes. */
  enum ExecutorKind {
    SIMULATED,
    LLM,
    CLAUDE_CODE,
    COMMAND;

    @Override
    public String toString() {
      return label(this);
    }
  }

  @Mixin AgentOptions agentOptions;

  @Option(
      names = "--planner",
      paramLabel = "PLANNER",
      converter = PlannerKinds.class,
      description =
          "Who plans: ${COMPLETION-CANDIDATES}. Default with --real: llm when a model API is"
              + " configured, else claude-code when claude is on PATH; else heuristic (offline).")
  PlannerKind planner;

  @Option(
      names = "--executor",
      paramLabel = "EXECUTOR",
      converter = ExecutorKinds.class,
      description =
          "Who executes: ${COMPLETION-CANDIDATES} (any agent, see --agent-command). Default with"
              + " --real: as for --planner; else simulated (offline).")
  ExecutorKind executor;

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
      names = "--max-turns",
      paramLabel = "N",
      defaultValue = "30",
      description =
          "Most model requests one attempt at a task may make (default: ${DEFAULT-VALUE}).")
  int maxTurns;

  @Option(
      names = "--max-output-tokens",
      paramLabel = "N",
      defaultValue = "8192",
      description = "Most tokens one model reply may have (default: ${DEFAULT-VALUE}).")
  int maxOutputTokens;

  @Option(
      names = "--max-cost",
      paramLabel = "USD",
      description =
          "Stop dispatching tasks once the model requests have cost this much; running tasks"
              + " finish, the rest are not started (exit code 1).")
  BigDecimal maxCost;

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

  /** {@code CLAUDE_CODE} is {@code claude-code}. */
  static String label(Enum<?> kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Reads a kind by its {@link #label}, ignoring case; the error lists the labels, where picocli's
   * own would list the constants' names too.
   */
  abstract static class KindConverter<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> kinds;

    KindConverter(Class<E> kinds) {
      this.kinds = kinds;
    }

    @Override
    public E convert(String value) {
      String wanted = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
      List<String> labels = new ArrayList<>();
      for (E kind : kinds.getEnumConstants()) {
        if (label(kind).equals(wanted)) {
          return kind;
        }
        labels.add(label(kind));
      }
      throw new TypeConversionException(
          "\""
              + value
              + "\" is not known; use "
              + String.join(", ", labels.subList(0, labels.size() - 1))
              + " or "
              + labels.get(labels.size() - 1));
    }
  }

  static final class PlannerKinds extends KindConverter<PlannerKind> {
    PlannerKinds() {
      super(PlannerKind.class);
    }
  }

  static final class ExecutorKinds extends KindConverter<ExecutorKind> {
    ExecutorKinds() {
      super(ExecutorKind.class);
    }
  }

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
