package dev.orchestrator.cli;

import dev.orchestrator.process.ClaudeCode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of command-line agents: Claude Code as planner or executor ({@code claude-code}) and
 * any command as executor ({@code command}). Declarations only; {@link BackendFactory} makes the
 * agents.
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
}
