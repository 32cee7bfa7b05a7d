package dev.orchestrator.cli;

import dev.orchestrator.process.ClaudeCode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Claude Code as planner or executor ({@code claude-code}). Declarations only; {@link
 * BackendFactory} makes the planner and the agents.
 */
final class ClaudeCodeOptions {

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
      names = "--claude-keep-sessions",
      description =
          "Let Claude Code keep each task's session under ~/.claude/projects (to look into with"
              + " claude --resume). By default it keeps none (--no-session-persistence).")
  boolean claudeKeepSessions;

  @Option(
      names = "--claude-arg",
      paramLabel = "ARG",
      description =
          "A further argument for claude, after ours; repeat it for several, e.g."
              + " --claude-arg=--allowedTools --claude-arg='Bash(npm test)'.")
  List<String> claudeArguments = new ArrayList<>();
}
