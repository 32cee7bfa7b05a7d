package dev.orchestrator.cli;

import dev.orchestrator.agent.SimulatedAgent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Who executes a task attempt and how: the commands that run tasks take these, a worker too.
 * Declarations only; {@link BackendFactory} makes the agents.
 */
final class ExecutorOptions {

  /** Who executes. */
  enum ExecutorKind {
    SIMULATED,
    LLM,
    CLAUDE_CODE,
    COMMAND;

    @Override
    public String toString() {
      return KindConverter.label(this);
    }
  }

  @Option(
      names = "--executor",
      paramLabel = "EXECUTOR",
      converter = ExecutorKinds.class,
      description =
          "Who executes: ${COMPLETION-CANDIDATES} (any agent, see --agent-command). Default with"
              + " --real: as for --planner; else simulated (offline).")
  ExecutorKind executor;

  @Option(
      names = "--max-turns",
      paramLabel = "N",
      defaultValue = "30",
      description =
          "Most model requests one attempt at a task may make (default: ${DEFAULT-VALUE}).")
  int maxTurns;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  SimulatedTiming timing = new SimulatedTiming();

  @Option(
      names = "--agent-command",
      paramLabel = "COMMAND",
      description = {
        "Command line of the agent of --executor command, run once per task in the task's"
            + " workspace. Placeholders: {prompt_file} (a file holding the prompt), {prompt} (the"
            + " prompt as one argument of its own, never inside a longer one), {workspace},"
            + " {task_id}; a script reads $ORCHESTRATOR_PROMPT_FILE, $ORCHESTRATOR_WORKSPACE and"
            + " $ORCHESTRATOR_TASK_ID instead. Without {prompt} or {prompt_file} the prompt comes"
            + " on standard input. Quoted like a shell, but not run by one: write sh -c '...' for"
            + " pipes. Example: --agent-command 'aider --yes-always --message-file"
            + " {prompt_file}'."
      })
  String agentCommand;

  @Option(
      names = "--agent-env",
      paramLabel = "NAME[=VALUE]",
      description =
          "Pass this environment variable (e.g. PGPASSWORD) to --executor command agents, or set"
              + " it (DEBUG=1); repeat it for several. By default they get only PATH, HOME, USER,"
              + " SHELL, TERM, the locale, TZ, TMPDIR, proxies and the toolchains' own variables"
              + " (JAVA_HOME, MAVEN_OPTS, PYTHON*, NODE_*, GOPATH, CARGO_HOME, ...).")
  List<String> agentEnvironment = new ArrayList<>();

  // Every command that runs tasks runs their agents, and their tests, confined or not.
  @Mixin SandboxOptions sandbox = new SandboxOptions();

  /** The agent of a simulated executor. */
  SimulatedAgent simulatedAgent() {
    return (timing != null ? timing : new SimulatedTiming()).agent();
  }

  /** How long a simulated task takes: a fixed delay, or its estimate on a scaled clock. */
  static final class SimulatedTiming {
    @Option(
        names = "--simulate-delay",
        paramLabel = "DURATION",
        defaultValue = "300ms",
        converter = DurationConverter.class,
        description = "Time each simulated task takes, e.g. 300ms, 2s (default: ${DEFAULT-VALUE}).")
    Duration delay;

    @Option(
        names = "--simulate-scale",
        paramLabel = "DURATION",
        converter = DurationConverter.class,
        description =
            "Instead of --simulate-delay: each simulated task takes its estimated duration, one"
                + " estimated minute lasting DURATION (e.g. 10ms), to compare a run with simulate.")
    Duration scale;

    SimulatedAgent agent() {
      // Outside picocli (a group not given on the command line) the fields are unset.
      if (scale != null) {
        return SimulatedAgent.scaled(scale);
      }
      return new SimulatedAgent(delay != null ? delay : Duration.ofMillis(300));
    }
  }

  static final class ExecutorKinds extends KindConverter<ExecutorKind> {
    ExecutorKinds() {
      super(ExecutorKind.class);
    }
  }
}
