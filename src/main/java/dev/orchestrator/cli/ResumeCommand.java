package dev.orchestrator.cli;

import dev.orchestrator.UsageException;
import dev.orchestrator.run.Orchestrator;
import dev.orchestrator.verify.VerificationSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code orchestrator resume <output-dir>}: finishes an interrupted run. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Finish an interrupted run; completed tasks are not redone.",
      "Tasks completed with intact output are kept, the rest run again, then the summary and the"
          + " consolidated project cover every task. The log continues.",
      "The run continues with the options it was started with (executor, agent command, model,"
          + " provider, limits, retries, timeouts, verify step), as its journal recorded them;"
          + " an option given here replaces the recorded one. If the recorded executor cannot run"
          + " now (no key, no claude on PATH, the agent command missing), resume stops with exit"
          + " code 2 saying what is missing; it never falls back to simulated executors."
    })
final class ResumeCommand implements Callable<Integer> {

  @ParentCommand OrchestratorCommand parent;

  @Parameters(paramLabel = "OUTPUT_DIR", description = "The output directory of the run.")
  Path directory;

  @Mixin BudgetOption budget;

  @Mixin ExecutorOptions executors;

  @Mixin ExecutionOptions execution;

  @Mixin EngineOptions engine;

  @Mixin ModelOptions model;

  @Mixin ClaudeCodeOptions claudeCode;

  @Mixin VerifyOptions verify;

  @Mixin RepositoryOptions repository;

  @Mixin JsonOption output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, List<String>> recorded = Orchestrator.recordedOptions(directory);
    if (!recorded.isEmpty()) {
      // The fields of this command take the recorded options its command line does not give.
      spec.commandLine().parseArgs(RecordedOptions.merged(recorded, spec).toArray(String[]::new));
    }
    Console console = parent.console(output.json);
    RepositoryRun repo =
        RepositoryRun.open(
            RepositoryRun.recordedFor(directory, repository), Settings.of(spec).environment());
    Orchestrator orchestrator;
    try {
      orchestrator =
          RunAssembly.of(spec, model, claudeCode)
              .repository(repo)
              .budget(budget.maxExecutors)
              .execution(executors, execution, engine)
              .verification(verify, VerificationSettings.DEFAULT_FIX_ROUNDS)
              .build(console, parent.interruption::onEvent);
    } catch (UsageException e) {
      if (recorded.isEmpty()) {
        throw e;
      }
      throw new UsageException(
          "the run in "
              + directory
              + " was started with "
              + RecordedOptions.describe(recorded)
              + ", which cannot run now: "
              + e.getMessage()
              + "\nFix that and resume again, or resume with another executor (e.g. --executor"
              + " simulated for placeholder files).");
    }
    parent.interruption.onFirst(orchestrator::cancel, engine.extraCancellationGrace());
    if (repo != null) {
      return repo.resume(orchestrator, directory, console, parent.interruption);
    }
    return console.finished(orchestrator.resume(directory), parent.interruption);
  }
}
