package dev.orchestrator.cli;

import dev.orchestrator.output.Verification;
import dev.orchestrator.run.Orchestrator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code orchestrator verify <output-dir>}: builds and tests an earlier run's project again. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Build and test the consolidated project of an earlier run again, e.g. after editing it by",
      "hand; with --fix-rounds N, failing tests go back to the tasks that own their files.",
      "Exit code 0 when the tests ran and passed, 1 when they failed or nothing was verified."
    })
final class VerifyCommand implements Callable<Integer> {

  @ParentCommand OrchestratorCommand parent;

  @Parameters(paramLabel = "OUTPUT_DIR", description = "The output directory of a finished run.")
  Path directory;

  @Mixin VerifyOptions verify;

  @Mixin ExecutorOptions executors;

  @Mixin ExecutionOptions execution;

  @Mixin EngineOptions engine;

  @Mixin ModelOptions model;

  @Mixin ClaudeCodeOptions claudeCode;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Console console = parent.console(false);
    // A run on a repository tests its branch again, and repairs it there.
    RepositoryRun repo =
        RepositoryRun.open(
            RepositoryRun.recordedFor(directory, new RepositoryOptions()),
            Settings.of(spec).environment());
    // Fix tasks run on the run's own executors, with these agents and limits.
    Orchestrator orchestrator =
        RunAssembly.of(spec, model, claudeCode)
            .repository(repo)
            .execution(executors, execution, engine)
            .verification(verify, 0)
            .build(console.progress());
    parent.interruption.onFirst(orchestrator::cancel, engine.extraCancellationGrace());
    Verification verification;
    if (repo != null) {
      verification = repo.verify(orchestrator, directory, console);
    } else {
      verification = orchestrator.verify(directory);
      console.verification(verification);
    }
    if (parent.interruption.interrupted()) {
      return Cli.INTERRUPTED;
    }
    return verification.status() == Verification.Status.PASSED ? Cli.OK : Cli.TASKS_FAILED;
  }
}
