package dev.orchestrator.cli;

import dev.orchestrator.ConfigurationException;
import dev.orchestrator.UsageException;
import dev.orchestrator.agent.SimulatedAgent;
import dev.orchestrator.plan.EstimatedDuration;
import dev.orchestrator.run.Orchestrator;
import dev.orchestrator.run.RunListener;
import java.nio.file.Path;
import java.time.Duration;
import dev.orchestrator.run.RetryPolicy;
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
      description = "Executor budget M: tasks run at most N at a time (default: 5).")
  Integer maxExecutors;

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

  @Option(
      names = "--task-timeout",
      paramLabel = "DURATION",
      description = "Time limit of one attempt at a task, e.g. 90s, 10min (default: none).")
  String taskTimeout;

  @Option(
      names = "--retries",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Further attempts for a task whose attempt failed in a retryable way (crash, timeout,"
              + " transient provider error); permanent failures are not retried (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(
      names = "--retry-backoff",
      paramLabel = "DURATION",
      defaultValue = "1s",
      description = "Wait before the first retry, doubled for each later one, at most 30s (default: ${DEFAULT-VALUE}).")
  String retryBackoff;

  /** The orchestrator these options describe. */
  Orchestrator orchestrator(RunListener listener) {
    if (real) {
      throw new ConfigurationException(
          "--real needs a language-model provider or a coding agent, and this version has none"
              + " built in yet; run without --real to plan with the offline heuristic planner and"
              + " execute with simulated executors");
    }
    Duration delay = duration("--simulate-delay", simulateDelay);
    RetryPolicy policy =
        new RetryPolicy(
            taskTimeout == null ? null : duration("--task-timeout", taskTimeout),
            retries,
            duration("--retry-backoff", retryBackoff),
            Duration.ofSeconds(30));
    Orchestrator.Builder builder = Orchestrator.builder();
    if (maxExecutors != null) {
      builder.maxExecutors(maxExecutors);
    }
    return builder
        .retryPolicy(policy)
        .outputDirectory(outputDirectory)
        .force(force)
        .agents(executor -> new SimulatedAgent(delay))
        .listener(listener)
        .build();
  }

  private static Duration duration(String option, String text) {
    return EstimatedDuration.parse(text)
        .orElseThrow(
            () ->
                new UsageException(
                    option + " \"" + text + "\" is not a duration; use e.g. 300ms, 2s or 10min"));
  }
}
