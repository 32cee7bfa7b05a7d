package dev.orchestrator.cli;

import dev.orchestrator.ConfigurationException;
import dev.orchestrator.Secrets;
import dev.orchestrator.UsageException;
import dev.orchestrator.agent.Agent;
import dev.orchestrator.agent.ClaudeCodeAgent;
import dev.orchestrator.agent.CommandAgent;
import dev.orchestrator.agent.CommandTemplate;
import dev.orchestrator.agent.LlmAgent;
import dev.orchestrator.cli.ExecutorOptions.ExecutorKind;
import dev.orchestrator.cli.PlanningOptions.PlannerKind;
import dev.orchestrator.llm.ApiKey;
import dev.orchestrator.llm.CostMeter;
import dev.orchestrator.llm.ModelClient;
import dev.orchestrator.llm.ModelPrice;
import dev.orchestrator.llm.PriceTable;
import dev.orchestrator.llm.Provider;
import dev.orchestrator.llm.ProviderSettings;
import dev.orchestrator.llm.RequestLimiter;
import dev.orchestrator.llm.RequestRetry;
import dev.orchestrator.output.Backend;
import dev.orchestrator.planner.ClaudeCodePlanner;
import dev.orchestrator.planner.HeuristicPlanner;
import dev.orchestrator.planner.LlmPlanner;
import dev.orchestrator.planner.Planner;
import dev.orchestrator.process.AgentProcess;
import dev.orchestrator.process.ChildEnvironment;
import dev.orchestrator.process.ClaudeCode;
import dev.orchestrator.process.ClaudeEnvironment;
import dev.orchestrator.sandbox.Sandbox;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Makes the planner, the agents and the model client that {@link ModelOptions}, {@link
 * ClaudeCodeOptions}, {@link PlanningOptions} and {@link ExecutorOptions} name. The environment
 * (whose {@code PATH} finds the programs, which the agents run with, and which holds the keys)
 * comes from {@link Settings}.
 */
final class BackendFactory {

  // The share of an agent's prompt that its dependencies' files may take, in tokens: room for a
  // sizeable codebase while leaving most of a 200k context for the conversation.
  private static final int DEPENDENCY_TOKENS = 30_000;

  private final ModelOptions options;
  private final ClaudeCodeOptions claudeOptions;
  private final Settings settings;
  private final Sandbox sandbox;

  /** A factory whose agents run unconfined. */
  BackendFactory(ModelOptions options, ClaudeCodeOptions claudeOptions, Settings settings) {
    this(options, claudeOptions, settings, Sandbox.none());
  }

  /**
   * @param sandbox what confines the command agents and Claude Code processes
   */
  BackendFactory(
      ModelOptions options, ClaudeCodeOptions claudeOptions, Settings settings, Sandbox sandbox) {
    this.options = options;
    this.claudeOptions = claudeOptions;
    this.settings = settings;
    this.sandbox = sandbox;
  }

  /**
   * The planner and agents the options choose; with {@code --real} the defaults are the
   * model-backed ones.
   *
   * @param planning the planning options, or null for a command that makes no plan: then there is
   *     no planner, and none of its model or program is asked for
   * @param executors the executor options, or null for a command that runs no task: then there are
   *     no agents
   * @param maxCost {@code --max-cost}, or null for no limit
   * @throws UsageException for option values that do not fit together
   * @throws ConfigurationException when a model or program is needed and none is configured
   */
  Backends backends(PlanningOptions planning, ExecutorOptions executors, BigDecimal maxCost) {
    boolean real = options.real;
    boolean claudeCode = real && realMeansClaudeCode();
    PlannerKind plannerKind =
        planning == null
            ? null
            : planning.planner != null
                ? planning.planner
                : !real
                    ? PlannerKind.HEURISTIC
                    : claudeCode ? PlannerKind.CLAUDE_CODE : PlannerKind.LLM;
    ExecutorKind executorKind =
        executors == null
            ? null
            : executors.executor != null
                ? executors.executor
                : !real
                    ? ExecutorKind.SIMULATED
                    : claudeCode ? ExecutorKind.CLAUDE_CODE : ExecutorKind.LLM;
    CostMeter meter = new CostMeter(maxCost);
    String why =
        real ? "--real" : plannerKind == PlannerKind.LLM ? "--planner llm" : "--executor llm";
    ModelClient client =
        plannerKind == PlannerKind.LLM || executorKind == ExecutorKind.LLM
            ? client(why, meter, maxCost)
            : null;
    String clientModel = client == null ? null : client.settings().model();
    Planner planner = null;
    String plannerModel = null;
    if (plannerKind == PlannerKind.LLM) {
      planner = new LlmPlanner(client);
      plannerModel = clientModel;
    } else if (plannerKind == PlannerKind.CLAUDE_CODE) {
      planner = new ClaudeCodePlanner(claudeCode(null, meter));
      plannerModel = model();
    } else if (plannerKind == PlannerKind.HEURISTIC) {
      planner = new HeuristicPlanner();
    }
    Backend plannerBackend =
        plannerKind == null ? null : new Backend(plannerKind.toString(), plannerModel);
    if (executors == null) {
      return new Backends(planner, null, meter, plannerBackend, null);
    }
    IntFunction<Agent> agents;
    String executorModel = null;
    switch (executorKind) {
      case LLM:
        requirePositiveTurns(executors.maxTurns);
        executorModel = clientModel;
        agents = executor -> new LlmAgent(client, executors.maxTurns, DEPENDENCY_TOKENS);
        break;
      case CLAUDE_CODE:
        requirePositiveTurns(executors.maxTurns);
        ClaudeCode claude = claudeCode(executors.maxTurns, meter);
        executorModel = model();
        agents = executor -> new ClaudeCodeAgent(claude);
        break;
      case COMMAND:
        agents = commandAgents(executors);
        break;
      case SIMULATED:
      default:
        agents = executor -> executors.simulatedAgent();
    }
    return new Backends(
        planner,
        agents,
        meter,
        plannerBackend,
        new Backend(executorKind.toString(), executorModel));
  }

  // --real means a model API when one is configured (a key, --provider or --base-url), else Claude
  // Code when claude is installed, else the API again, whose error says how to set one up.
  private boolean realMeansClaudeCode() {
    boolean api =
        options.provider != null
            || options.baseUrl != null
            || Arrays.stream(Provider.values()).anyMatch(p -> settings.key(p).isPresent());
    return !api && claudeAvailable();
  }

  private boolean claudeAvailable() {
    try {
      AgentProcess.locate(claudeOptions.claudeBinary, environment(), ClaudeCode.INSTALL_HINT);
      return true;
    } catch (ConfigurationException e) {
      return false;
    }
  }

  private static void requirePositiveTurns(int maxTurns) {
    if (maxTurns < 1) {
      throw new UsageException("--max-turns must be at least 1, was " + maxTurns);
    }
  }

  private ModelClient client(String why, CostMeter meter, BigDecimal maxCost) {
    Provider chosen = provider(why);
    String root = ProviderSettings.apiRoot(chosen, options.baseUrl);
    ApiKey key = settings.key(chosen).orElse(null);
    ProviderSettings connection =
        new ProviderSettings(
            chosen,
            model() == null ? chosen.defaultModel() : model(),
            root,
            key,
            options.requestTimeout,
            options.maxOutputTokens);
    PriceTable prices = PriceTable.builtIn();
    if (options.priceTable != null) {
      prices = prices.overriddenBy(PriceTable.read(options.priceTable));
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
        .retry(
            new RequestRetry(options.requestRetries, Duration.ofSeconds(1), Duration.ofSeconds(60)))
        .limiter(new RequestLimiter(options.maxConcurrentRequests))
        .price(price)
        .meter(meter)
        .build();
  }

  private Provider provider(String why) {
    if (options.provider != null) {
      return options.provider;
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

  /**
   * The {@code --agent-command} agent as every executor.
   *
   * @throws UsageException if {@code --agent-command} is missing or malformed
   * @throws ConfigurationException if its program is not found or not executable
   */
  private IntFunction<Agent> commandAgents(ExecutorOptions executors) {
    String command = executors.agentCommand;
    if (command == null || command.isBlank()) {
      throw new UsageException(
          "--executor command needs the agent's command line: add --agent-command '...', e.g."
              + " --agent-command 'aider --yes-always --message-file {prompt_file}'");
    }
    CommandTemplate template = CommandTemplate.parse(command);
    // An allow-list: what else is ours (keys, passwords, URLs with credentials) stays with us
    // unless --agent-env passes it on.
    Map<String, String> environment =
        ChildEnvironment.forAgents(environment(), executors.agentEnvironment);
    Secrets secrets = settings.secrets();
    // Finds the program now, not in every task.
    new CommandAgent(template, environment, secrets, sandbox);
    return executor -> new CommandAgent(template, environment, secrets, sandbox);
  }

  /**
   * Claude Code with the options' settings, in the environment it needs ({@link
   * ClaudeEnvironment}), masking the run's secrets.
   *
   * @param maxTurns the turns of one attempt, or null for a planner
   * @param meter counts what each claude run reports it cost, so that {@code --max-cost} holds
   * @throws ConfigurationException if claude is not found or not executable
   */
  private ClaudeCode claudeCode(Integer maxTurns, CostMeter meter) {
    return new ClaudeCode(
        AgentProcess.locate(claudeOptions.claudeBinary, environment(), ClaudeCode.INSTALL_HINT),
        ClaudeEnvironment.of(environment()),
        model(),
        maxTurns,
        claudeOptions.claudeSkipPermissions,
        claudeOptions.claudeArguments,
        claudeOptions.claudeKeepSessions,
        settings.secrets(),
        usage -> meter.record(usage.tokens(), usage.costUsd()),
        sandbox);
  }

  /** {@code --model}, or null for the provider's or Claude Code's own choice. */
  private String model() {
    return options.model == null || options.model.isBlank() ? null : options.model.strip();
  }

  private Map<String, String> environment() {
    return settings.environment();
  }
}
