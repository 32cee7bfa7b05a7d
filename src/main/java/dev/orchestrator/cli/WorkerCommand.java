package dev.orchestrator.cli;

import dev.orchestrator.UsageException;
import dev.orchestrator.agent.Agent;
import dev.orchestrator.sandbox.Sandbox;
import dev.orchestrator.temporal.TaskWorker;
import dev.orchestrator.temporal.TemporalSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code orchestrator worker --temporal HOST:PORT}: runs task attempts of runs on --engine
 * temporal.
 */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Run task attempts for runs started with --engine temporal: poll the task queue, run each",
      "attempt with this worker's agents (their keys and settings stay here), return its files.",
      "Start any number, on any machines. Ctrl-C lets running attempts finish, then exits 130."
    })
final class WorkerCommand implements Callable<Integer> {

  @ParentCommand OrchestratorCommand parent;

  @Mixin TemporalOptions temporal;

  // Not --max-executors: that is a run's budget M, and ORCHESTRATOR_MAX_EXECUTORS set for runs
  // must not size the workers.
  @Option(
      names = {"-m", "--max-attempts"},
      paramLabel = "N",
      defaultValue = "1",
      description = "Task attempts this worker runs at once (default: ${DEFAULT-VALUE}).")
  int attemptsAtOnce;

  @Mixin ExecutorOptions executors;

  @Mixin ModelOptions model;

  @Mixin ClaudeCodeOptions claudeCode;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (attemptsAtOnce < 1) {
      throw new UsageException("-m must be at least 1, was " + attemptsAtOnce);
    }
    if (temporal.target == null) {
      throw new UsageException("a worker needs the server: add --temporal HOST:PORT");
    }
    Settings settings = Settings.of(spec);
    Sandbox sandbox =
        executors.sandbox.sandbox(
            settings.environment(),
            line -> {
              spec.commandLine().getErr().println(line);
              spec.commandLine().getErr().flush();
            });
    Backends backends =
        new BackendFactory(model, claudeCode, settings, sandbox).backends(null, executors, null);
    IntFunction<Agent> agentFor = backends.agents();
    List<Agent> agents = new ArrayList<>();
    for (int k = 1; k <= attemptsAtOnce; k++) {
      agents.add(agentFor.apply(k));
    }
    String identity = TemporalOptions.processIdentity();
    TaskWorker worker =
        TaskWorker.start(
            temporal.settings(TemporalSettings.DEFAULT_HEARTBEAT_TIMEOUT),
            agents,
            backends.executorKind(),
            Path.of(System.getProperty("java.io.tmpdir")),
            identity);
    parent.out.printf(
        "worker %s polls %s on %s, %d at once; Ctrl-C to stop%n",
        identity, temporal.taskQueue, temporal.target, attemptsAtOnce);
    parent.out.flush();
    parent.interruption.onFirst(worker::stop);
    worker.awaitStopped();
    return parent.interruption.interrupted() ? Cli.INTERRUPTED : Cli.OK;
  }
}
