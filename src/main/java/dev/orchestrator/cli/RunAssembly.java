package dev.orchestrator.cli;

import dev.orchestrator.UsageException;
import dev.orchestrator.run.Engine;
import dev.orchestrator.run.Orchestrator;
import dev.orchestrator.run.RunListener;
import dev.orchestrator.run.WorkTreeGuard;
import dev.orchestrator.sandbox.Sandbox;
import dev.orchestrator.verify.VerificationSettings;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Puts an {@link Orchestrator} together from the option mixins a command takes. A command names
 * only the parts it has ({@code plan} no executors, {@code resume} no planner, ...); a part it does
 * not name stays at the orchestrator's default.
 */
final class RunAssembly {

  private final CommandSpec spec;
  private final Settings settings;
  private final ModelOptions model;
  private final ClaudeCodeOptions claudeCode;
  private Path outputDirectory;
  private RepositoryRun repository;
  private boolean force;
  private Integer maxExecutors;
  private PlanningOptions planning;
  private ExecutorOptions executors;
  private ExecutionOptions execution;
  private EngineOptions engine;
  private VerifyOptions verify;
  private int defaultFixRounds;

  private RunAssembly(
      CommandSpec spec, Settings settings, ModelOptions model, ClaudeCodeOptions claudeCode) {
    this.spec = spec;
    this.settings = settings;
    this.model = model;
    this.claudeCode = claudeCode;
  }

  /**
   * The assembly of a command, with the options every planner and agent reads.
   *
   * @param spec the command, which finds the {@link Settings} of its command line
   */
  static RunAssembly of(CommandSpec spec, ModelOptions model, ClaudeCodeOptions claudeCode) {
    return new RunAssembly(spec, Settings.of(spec), model, claudeCode);
  }

  /** Where to write: {@code -o} and {@code --force}. */
  RunAssembly directory(DirectoryOptions options) {
    return directory(options.outputDirectory, options.force);
  }

  /**
   * Where to write; a null directory is the default one. A directory in a git work tree is refused
   * here, before any planning.
   */
  RunAssembly directory(Path directory, boolean force) {
    if (directory != null) {
      WorkTreeGuard.refuseAsOutput(directory);
    }
    this.outputDirectory = directory;
    this.force = force;
    return this;
  }

  /** The repository the tasks work on ({@code --repo}); null for a new project. */
  RunAssembly repository(RepositoryRun repository) {
    this.repository = repository;
    return this;
  }

  /** The executor budget, or null for the default (the plan's own when one is read). */
  RunAssembly budget(Integer maxExecutors) {
    this.maxExecutors = maxExecutors;
    return this;
  }

  /** Who plans; without it, the default for {@code --real} or offline. */
  RunAssembly planning(PlanningOptions options) {
    this.planning = options;
    return this;
  }

  /** Who executes, within which limits, where; without it the command runs no task. */
  RunAssembly execution(
      ExecutorOptions executors, ExecutionOptions execution, EngineOptions engine) {
    this.executors = executors;
    this.execution = execution;
    this.engine = engine;
    return this;
  }

  /**
   * The verify step, with {@code defaultFixRounds} repair rounds unless {@code --fix-rounds} is
   * given; without it there is none.
   */
  RunAssembly verification(VerifyOptions options, int defaultFixRounds) {
    this.verify = options;
    this.defaultFixRounds = defaultFixRounds;
    return this;
  }

  /**
   * The orchestrator, showing its runs on the console: their progress, and why a run stopped early
   * when it reached {@code --max-cost}.
   */
  Orchestrator build(Console console) {
    return build(console.progress(), console);
  }

  /** The orchestrator, showing its runs on {@code console} and telling {@code also} every event. */
  Orchestrator build(Console console, RunListener also) {
    return build(console.progress().andThen(also), console);
  }

  /** The orchestrator, telling {@code listener} every event of its runs. */
  Orchestrator build(RunListener listener) {
    return build(listener, null);
  }

  private Orchestrator build(RunListener listener, Console console) {
    // Decided once per run: agents and tests of a command that runs tasks, confined or not.
    Sandbox sandbox =
        executors == null
            ? Sandbox.none()
            : executors.sandbox.sandbox(settings.environment(), this::warn);
    Backends backends =
        new BackendFactory(model, claudeCode, settings, sandbox)
            .backends(planning, executors, execution == null ? null : execution.maxCost);
    Orchestrator.Builder builder = Orchestrator.builder();
    if (maxExecutors != null) {
      builder.maxExecutors(maxExecutors);
    }
    if (repository != null) {
      // The repository's own tests, on the run's branch and, to compare, on its base commit.
      VerificationSettings tests =
          verify == null ? null : verify.settings(defaultFixRounds, sandbox);
      if (tests == null) {
        builder.noVerification(VerifyOptions.OFF);
      } else {
        builder.verification(repository.tests(tests, settings.secrets(), this::warn));
      }
      if (outputDirectory == null) {
        builder.outputBase(repository.runsDirectory());
      }
      builder.onRunDirectory(repository::record);
      builder.summaryAddition(repository::summaryFields);
      if (planning != null) {
        // Only a command that plans reads the map; run --plan and resume start without it.
        builder.repository(repository.map());
      }
    } else if (verify != null) {
      verify.configure(builder, defaultFixRounds, sandbox);
    }
    if (executors != null) {
      Engine chosen = engine.engine(backends.meter());
      if (chosen != null && repository != null) {
        throw new UsageException(
            "--repo runs its tasks on the local engine only for now: drop --engine temporal and"
                + " --temporal");
      }
      builder
          .recordedOptions(RecordedOptions.of(spec, backends.executorKind()))
          .agents(repository == null ? backends.agents() : repository.agents(backends.agents()))
          .retryPolicy(execution.retryPolicy())
          .engine(chosen);
    }
    if (backends.planner() != null) {
      builder.planner(backends.planner());
    }
    Orchestrator orchestrator =
        builder
            .outputDirectory(outputDirectory)
            .force(force)
            // A command without planning options plans nothing: the plan came from a file (whose
            // maker it does not know) or, for resume, the journal names it.
            .describedAs(backends.plannerKind(), backends.executorKind())
            .listener(listener)
            .secrets(settings.secrets())
            .build();
    // --max-cost: once the model requests have cost that much, no further task starts.
    backends
        .meter()
        .onLimitReached(
            () -> {
              orchestrator.stop();
              if (console != null) {
                console.costLimitReached(
                    backends.meter().total().costUsd(),
                    execution == null ? null : execution.maxCost);
              }
            });
    return orchestrator;
  }

  private void warn(String line) {
    spec.commandLine().getErr().println(line);
    spec.commandLine().getErr().flush();
  }
}
