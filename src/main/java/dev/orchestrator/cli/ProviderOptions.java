package dev.orchestrator.cli;

import dev.orchestrator.ConfigurationException;
import dev.orchestrator.Secrets;
import dev.orchestrator.UsageException;
import dev.orchestrator.agent.Agent;
import dev.orchestrator.agent.LlmAgent;
import dev.orchestrator.agent.SimulatedAgent;
import dev.orchestrator.llm.ApiKey;
import dev.orchestrator.llm.CostMeter;
import dev.orchestrator.llm.ModelClient;
import dev.orchestrator.llm.ModelPrice;
import dev.orchestrator.llm.PriceTable;
import dev.orchestrator.llm.Provider;
import dev.orchestrator.llm.ProviderSettings;
import dev.orchestrator.llm.RequestLimiter;
import dev.orchestrator.llm.RequestRetry;
import dev.orchestrator.planner.HeuristicPlanner;
import dev.orchestrator.planner.LlmPlanner;
import dev.orchestrator.planner.Planner;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Which planner and which executors a run uses, and the language model behind them: {@code
 * --planner}, {@code --executor}, {@code --provider}, {@code --model}, {@code --base-url}, and the
 * limits of model use. Planner and executor names are strings checked here, in {@link PlannerKind}
 * and {@link ExecutorKind}, so a new kind is one more constant and one more branch.
 */
final class ProviderOptions {

  /** What the planner and the executors are, by name. */
  enum PlannerKind {
    HEURISTIC,
    LLM,
    CLAUDE_CODE
  }

  /** What the executors are, by name. */
  enum ExecutorKind {
    SIMULATED,
    LLM,
    CLAUDE_CODE,
    COMMAND
  }

  // The share of an agent's prompt that its dependencies' files may take, in tokens: room for a
  // sizeable codebase while leaving most of a 200k context for the conversation.
  private static final int DEPENDENCY_TOKENS = 30_000;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Mixin AgentOptions agentOptions;

  @Option(
      names = "--planner",
      paramLabel = "NAME",
      description =
          "Who plans: heuristic (offline), llm or claude-code (default with --real: llm when a"
              + " model API is configured, else claude-code when claude is on PATH; else heuristic).")
  String planner;

  @Option(
      names = "--executor",
      paramLabel = "NAME",
      description =
          "Who executes: simulated (offline), llm, claude-code, or command (any agent, see"
              + " --agent-command) (default with --real: as for --planner; else simulated).")
  String executor;

  @Option(
      names = "--provider",
      paramLabel = "NAME",
      description =
          "Model API: anthropic, or openai for any OpenAI-compatible server (OpenAI, Ollama, vLLM,"
              + " llama.cpp, LM Studio). Default: anthropic if ANTHROPIC_API_KEY is set, else"
              + " openai if OPENAI_API_KEY is.")
  String provider;

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

  /**
   * The planner and agents these options choose.
   *
   * @param real whether {@code --real} was given: then the defaults are the model-backed ones
   * @param simulated the agent of an executor when the executor is simulated
   * @throws UsageException for an unknown planner, executor or provider name
   * @throws ConfigurationException when a model is needed and none is configured
   */
  Backends backends(boolean real, Supplier<SimulatedAgent> simulated) {
    boolean claudeCode = real && realMeansClaudeCode();
    PlannerKind plannerKind =
        choose(
            "--planner",
            planner,
            !real ? PlannerKind.HEURISTIC : claudeCode ? PlannerKind.CLAUDE_CODE : PlannerKind.LLM);
    ExecutorKind executorKind =
        choose(
            "--executor",
            executor,
            !real
                ? ExecutorKind.SIMULATED
                : claudeCode ? ExecutorKind.CLAUDE_CODE : ExecutorKind.LLM);
    CostMeter meter = new CostMeter(maxCost);
    String why =
        real ? "--real" : plannerKind == PlannerKind.LLM ? "--planner llm" : "--executor llm";
    ModelClient client =
        plannerKind == PlannerKind.LLM || executorKind == ExecutorKind.LLM
            ? client(why, meter)
            : null;
    Planner chosenPlanner;
    switch (plannerKind) {
      case LLM:
        chosenPlanner = new LlmPlanner(client);
        break;
      case CLAUDE_CODE:
        chosenPlanner = agentOptions.claudeCodePlanner(model, settings().environment());
        break;
      case HEURISTIC:
      default:
        chosenPlanner = new HeuristicPlanner();
    }
    IntFunction<Agent> agents;
    switch (executorKind) {
      case LLM:
        if (maxTurns < 1) {
          throw new UsageException("--max-turns must be at least 1, was " + maxTurns);
        }
        agents = executor -> new LlmAgent(client, maxTurns, DEPENDENCY_TOKENS);
        break;
      case CLAUDE_CODE:
        agents = agentOptions.claudeCodeAgents(model, maxTurns, settings().environment());
        break;
      case COMMAND:
        agents = agentOptions.commandAgents(settings().environment(), settings().secrets());
        break;
      case SIMULATED:
      default:
        agents = executor -> simulated.get();
    }
    return new Backends(chosenPlanner, agents, meter);
  }

  // --real means a model API when one is configured (a key, --provider or --base-url), else Claude
  // Code when claude is installed, else the API again, whose error says how to set one up.
  private boolean realMeansClaudeCode() {
    Settings settings = settings();
    boolean api =
        provider != null
            || baseUrl != null
            || Arrays.stream(Provider.values()).anyMatch(p -> settings.key(p).isPresent());
    return !api && agentOptions.claudeAvailable(settings.environment());
  }

  private ModelClient client(String why, CostMeter meter) {
    Settings settings = settings();
    Provider chosen = provider(settings, why);
    String root = ProviderSettings.apiRoot(chosen, baseUrl);
    ApiKey key = settings.key(chosen).orElse(null);
    ProviderSettings connection =
        new ProviderSettings(
            chosen,
            model == null || model.isBlank() ? chosen.defaultModel() : model.strip(),
            root,
            key,
            requestTimeout,
            maxOutputTokens);
    PriceTable prices = PriceTable.builtIn();
    if (priceTable != null) {
      prices = prices.overriddenBy(PriceTable.read(priceTable));
    }
    ModelPrice price = prices.priceOf(connection.model()).orElse(null);
    if (maxCost != null && price == null) {
      throw new ConfigurationException(
          "--max-cost needs the price of "
              + connection.model()
              + ", which the price table lacks;"
              + " add it with --price-table FILE");
    }
    return ModelClient.builder(connection)
        .retry(new RequestRetry(requestRetries, Duration.ofSeconds(1), Duration.ofSeconds(60)))
        .limiter(new RequestLimiter(maxConcurrentRequests))
        .price(price)
        .meter(meter)
        .build();
  }

  private Provider provider(Settings settings, String why) {
    if (provider != null) {
      return Provider.byId(provider)
          .orElseThrow(
              () ->
                  new UsageException(
                      "--provider \""
                          + provider
                          + "\" is not known; use "
                          + Arrays.stream(Provider.values())
                              .map(Provider::id)
                              .collect(Collectors.joining(" or "))));
    }
    for (Provider candidate : Provider.values()) {
      if (settings.key(candidate).isPresent()) {
        return candidate;
      }
    }
    throw new ConfigurationException(
        String.join(
            "\n",
            why + " needs a language model, and none is configured. Any of these sets one up:",
            "  - Anthropic: set " + Provider.ANTHROPIC.keyVariable(),
            "  - OpenAI: set " + Provider.OPENAI.keyVariable(),
            "  - a local OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio):"
                + " --provider openai --base-url http://localhost:11434/v1 --model llama3.1",
            "  - the same settings in "
                + Settings.WHERE
                + " (provider=, model=, base-url=, anthropic-api-key=, openai-api-key=)",
            "  - Claude Code: install it so that claude is on PATH, or give --claude-binary",
            "Or run without " + why + " to work offline."));
  }

  /** The secrets of the environment and the config file, to mask in all output. */
  Secrets secrets() {
    return settings().secrets();
  }

  private Settings settings() {
    // Through the command line, not spec.root(): mixed into RunOptions, this is a nested mixin,
    // whose MIXEE is RunOptions' own detached spec.
    if (spec.commandLine().getCommandSpec().root().defaultValueProvider()
        instanceof Settings settings) {
      return settings;
    }
    throw new IllegalStateException("the command line was built without its settings");
  }

  private static <E extends Enum<E>> E choose(String option, String name, E fallback) {
    if (name == null) {
      return fallback;
    }
    Class<E> kinds = fallback.getDeclaringClass();
    for (E kind : kinds.getEnumConstants()) {
      if (kind.name().equalsIgnoreCase(name.strip().replace('-', '_'))) {
        return kind;
      }
    }
    throw new UsageException(option + " \"" + name + "\" is not known; use " + names(kinds));
  }

  /** "heuristic or llm". */
  static <E extends Enum<E>> String names(Class<E> kinds) {
    List<String> names =
        Arrays.stream(kinds.getEnumConstants())
            .map(kind -> kind.name().toLowerCase(Locale.ROOT).replace('_', '-'))
            .toList();
    return String.join(", ", names.subList(0, names.size() - 1))
        + " or "
        + names.get(names.size() - 1);
  }
}
