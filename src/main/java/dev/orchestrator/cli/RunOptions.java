package dev.orchestrator.cli;

import dev.orchestrator.ConfigurationException;
import dev.orchestrator.UsageException;
import dev.orchestrator.agent.SimulatedAgent;
import dev.orchestrator.plan.EstimatedDuration;
import dev.orchestrator.run.Orchestrator;
import dev.orchestrator.run.RunListener;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options shared by the commands that plan or run: where to write, how many executors, which agents. */
final class RunOptions {

  @Option(
      names = {"-o", "--output-dir"},
      paramLabel = "DIR",
      description = "Output directory (default: outputs/<slug-of-the-requirements>).")
  Path outputDirectory;

  @Option(
      names = {"-m", "--max-executors"},
      paramLabel = "N",
      defaultValue = "5",
      description = "Executor budget M: tasks run at most N at a time (default: ${DEFAULT-VALUE}).")
  int maxExecutors;

  @Option(
      names = "--real",
      description = "Plan and execute with a language model or coding agent instead of offline.")
  boolean real;

  @Option(
      names = "--force",
      description = "Write into a non-empty directory that is not an earlier run (your files are kept).")
  boolean force;

  @Option(
      names = "--simulate-delay",
      paramLabel = "DURATION",
      defaultValue = "300ms",
      description = "Time each simulated task takes, e.g. 300ms, 2s (default: ${DEFAULT-VALUE}).")
  String simulateDelay;

  /** The orchestrator these options describe. */
  Orchestrator orchestrator(RunListener listener) {
    if (real) {
      throw new ConfigurationException(
          "--real needs a language-model provider or a coding agent, and this version has none"
              + " built in yet; run without --real to plan with the offline heuristic planner and"
              + " execute with simulated executors");
    }
    Duration delay = delay();
    return Orchestrator.builder()
        .maxExecutors(maxExecutors)
        .outputDirectory(outputDirectory)
        .force(force)
        .agents(executor -> new SimulatedAgent(delay))
        .listener(listener)
        .build();
  }

  private Duration delay() {
    return EstimatedDuration.parse(simulateDelay)
        .orElseThrow(
            () ->
                new UsageException(
                    "--simulate-delay \"" + simulateDelay + "\" is not a duration; use e.g. 300ms or 2s"));
  }
}
