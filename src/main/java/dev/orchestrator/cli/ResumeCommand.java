package dev.orchestrator.cli;

import dev.orchestrator.run.Orchestrator;
import dev.orchestrator.verify.VerificationSettings;
import java.nio.file.Path;
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
          + " consolidated project cover every task. The log continues."
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

  @Mixin JsonOption output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Console console = parent.console(output.json);
    Orchestrator orchestrator =
        RunAssembly.of(spec, model, claudeCode)
            .budget(budget.maxExecutors)
            .execution(executors, execution, engine)
            .verification(verify, VerificationSettings.DEFAULT_FIX_ROUNDS)
            .build(console);
    parent.interruption.onFirst(orchestrator::cancel, engine.extraCancellationGrace());
    return console.finished(orchestrator.resume(directory), parent.interruption);
  }
}
