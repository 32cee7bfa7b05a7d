package dev.orchestrator.cli;

import dev.orchestrator.agent.SimulatedAgent;
import dev.orchestrator.run.Orchestrator;
import dev.orchestrator.run.RetryPolicy;
import dev.orchestrator.run.RunListener;
import dev.orchestrator.verify.VerificationSettings;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options shared by the commands that plan or run: where to write, how many executors, which
 * agents.
 */
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
      description =
          "Write into a non-empty directory that is not an earlier run, replacing the entries a run"
              + " writes there (src/, tests/, docs/, README.md, ...); other files are kept.")
  boolean force;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  SimulatedTiming timing = new SimulatedTiming();

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
      return scale != null ? SimulatedAgent.scaled(scale) : new SimulatedAgent(delay);
    }
  }

  @Option(
      names = "--task-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Time limit of one attempt at a task, e.g. 90s, 10min (default: none).")
  Duration taskTimeout;

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
      converter = DurationConverter.class,
      description =
          "Wait before the first retry, doubled for each later one, at most 30s (default:"
              + " ${DEFAULT-VALUE}).")
  Duration retryBackoff;

  @Mixin ProviderOptions providers;

  @Mixin EngineOptions engine;

  @Mixin VerifyOptions verify;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  /** The orchestrator these options describe. */
  Orchestrator orchestrator(RunListener listener) {
    return orchestrator(listener, VerificationSettings.DEFAULT_FIX_ROUNDS);
  }

  /**
   * The orchestrator these options describe, with {@code fixRounds} unless --fix-rounds is given.
   */
  Orchestrator orchestrator(RunListener listener, int fixRounds) {
    RetryPolicy policy =
        new RetryPolicy(taskTimeout, retries, retryBackoff, Duration.ofSeconds(30));
    SimulatedTiming simulated = timing != null ? timing : new SimulatedTiming();
    Backends backends =
        new BackendFactory(providers, Settings.of(spec)).backends(real, simulated::agent);
    Orchestrator.Builder builder = Orchestrator.builder();
    if (maxExecutors != null) {
      builder.maxExecutors(maxExecutors);
    }
    verify.configure(builder, fixRounds);
    Orchestrator orchestrator =
        builder
            .retryPolicy(policy)
            .outputDirectory(outputDirectory)
            .force(force)
            .planner(backends.planner())
            .agents(backends.agents())
            .engine(engine.engine(backends.meter()))
            .describedAs(backends.plannerKind(), backends.executorKind())
            .listener(listener)
            .secrets(Settings.of(spec).secrets())
            .build();
    // --max-cost: once the model requests have cost that much, no further task starts.
    backends.meter().onLimitReached(orchestrator::stop);
    return orchestrator;
  }
}
