package dev.orchestrator.cli;

import dev.orchestrator.ConfigurationException;
import dev.orchestrator.Secrets;
import dev.orchestrator.UsageException;
import dev.orchestrator.agent.Agent;
import dev.orchestrator.agent.ClaudeCodeAgent;
import dev.orchestrator.agent.CommandAgent;
import dev.orchestrator.agent.CommandTemplate;
import dev.orchestrator.planner.ClaudeCodePlanner;
import dev.orchestrator.planner.Planner;
import dev.orchestrator.process.AgentProcess;
import dev.orchestrator.process.ClaudeCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import picocli.CommandLine.Option;

/**
 * The options of command-line agents: Claude Code as planner or executor ({@code claude-code}) and
 * any command as executor ({@code command}). {@link ProviderOptions} chooses among the kinds; this
 * class makes the chosen one. The environment (whose {@code PATH} finds the programs, and which the
 * agents run with) is handed in by the caller, from {@link Settings}.
 */
final class AgentOptions {

  @Option(
      names = "--agent-command",
      paramLabel = "COMMAND",
      description = {
        "Command line of the agent of --executor command, run once per task in the task's"
            + " workspace. Placeholders: {prompt_file} (a file holding the prompt), {prompt} (the"
            + " prompt as one argument), {workspace}, {task_id}. Without {prompt} or"
            + " {prompt_file} the prompt comes on standard input. Quoted like a shell, but not run"
            + " by one: write sh -c '...' for pipes. Example: --agent-command 'aider --yes-always"
            + " --message-file {prompt_file}'."
      })
  String agentCommand;

  @Option(
      names = "--claude-binary",
      paramLabel = "PATH",
      defaultValue = ClaudeCode.PROGRAM,
      description = "The Claude Code program (default: ${DEFAULT-VALUE} on PATH).")
  String claudeBinary;

  @Option(
      names = "--claude-skip-permissions",
      description =
          "Let Claude Code run any command without asking (--dangerously-skip-permissions). By"
              + " default it may edit files in the task's workspace only (--permission-mode"
              + " acceptEdits). Use it only in a sandbox.")
  boolean claudeSkipPermissions;

  @Option(
      names = "--claude-arg",
      paramLabel = "ARG",
      description =
          "A further argument for claude, after ours; repeat it for several, e.g."
              + " --claude-arg=--allowedTools --claude-arg='Bash(npm test)'.")
  List<String> claudeArguments = new ArrayList<>();

  @Option(
      names = "--agent-env",
      paramLabel = "NAME",
      description =
          "Pass this secret environment variable (a key, token or password, e.g."
              + " OPENAI_API_KEY) to --executor command agents; repeat it for several. By default"
              + " they get the environment without them.")
  List<String> agentEnvironment = new ArrayList<>();

  /** Whether Claude Code can be run: {@code --claude-binary} is found and executable. */
  boolean claudeAvailable(Map<String, String> environment) {
    try {
      AgentProcess.locate(claudeBinary, environment, ClaudeCode.INSTALL_HINT);
      return true;
    } catch (ConfigurationException e) {
      return false;
    }
  }

  /**
   * Claude Code as planner.
   *
   * @param model {@code --model}, or null for Claude Code's own choice
   * @throws ConfigurationException if claude is not found or not executable
   */
  Planner claudeCodePlanner(String model, Map<String, String> environment) {
    return new ClaudeCodePlanner(claudeCode(model, null, environment));
  }

  /**
   * Claude Code as every executor.
   *
   * @param maxTurns {@code --max-turns} of one attempt
   * @throws ConfigurationException if claude is not found or not executable
   */
  IntFunction<Agent> claudeCodeAgents(String model, int maxTurns, Map<String, String> environment) {
    ClaudeCode claude = claudeCode(model, maxTurns, environment);
    return executor -> new ClaudeCodeAgent(claude);
  }

  /**
   * The {@code --agent-command} agent as every executor.
   *
   * @throws UsageException if {@code --agent-command} is missing or malformed
   * @throws ConfigurationException if its program is not found or not executable
   */
  IntFunction<Agent> commandAgents(Map<String, String> fullEnvironment, Secrets secrets) {
    Map<String, String> environment = new HashMap<>();
    fullEnvironment.forEach(
        (name, value) -> {
          if (!Secrets.isSecretName(name) || agentEnvironment.contains(name)) {
            environment.put(name, value);
          }
        });
    if (agentCommand == null || agentCommand.isBlank()) {
      throw new UsageException(
          "--executor command needs the agent's command line: add --agent-command '...', e.g."
              + " --agent-command 'aider --yes-always --message-file {prompt_file}'");
    }
    CommandTemplate template = CommandTemplate.parse(agentCommand);
    new CommandAgent(template, environment, secrets); // finds the program now, not in every task
    return executor -> new CommandAgent(template, environment, secrets);
  }

  private ClaudeCode claudeCode(String model, Integer maxTurns, Map<String, String> environment) {
    if (maxTurns != null && maxTurns < 1) {
      throw new UsageException("--max-turns must be at least 1, was " + maxTurns);
    }
    return new ClaudeCode(
        AgentProcess.locate(claudeBinary, environment, ClaudeCode.INSTALL_HINT),
        environment,
        model == null || model.isBlank() ? null : model.strip(),
        maxTurns,
        claudeSkipPermissions,
        claudeArguments);
  }
}
