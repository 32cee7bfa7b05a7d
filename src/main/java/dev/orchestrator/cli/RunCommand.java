package dev.orchestrator.cli;

import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.run.Orchestrator;
import dev.orchestrator.run.OutputDirectory;
import dev.orchestrator.verify.VerificationSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code orchestrator run --plan FILE}: executes an existing, possibly hand-edited, plan. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Execute an existing, possibly hand-edited, plan.")
final class RunCommand implements Callable<Integer> {

  @ParentCommand OrchestratorCommand parent;

  @Option(
      names = "--plan",
      paramLabel = "FILE",
      required = true,
      description = "The plan to run (execution_plan.json).")
  Path planFile;

  @Mixin BudgetOption budget;

  @Mixin ExecutorOptions executors;

  @Mixin ExecutionOptions execution;

  @Mixin EngineOptions engine;

  @Mixin ModelOptions model;

  @Mixin ClaudeCodeOptions claudeCode;

  @Mixin VerifyOptions verify;

  @Mixin DirectoryOptions directory;

  @Mixin RepositoryOptions repository;

  @Mixin JsonOption output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Plan plan = PlanJson.read(planFile);
    Console console = parent.console(output.json);
    RepositoryRun repo = RepositoryRun.open(repository, Settings.of(spec).environment());
    Orchestrator orchestrator =
        RunAssembly.of(spec, model, claudeCode)
            .directory(directory)
            .repository(repo)
            .budget(budget.maxExecutors)
            .execution(executors, execution, engine)
            .verification(verify, VerificationSettings.DEFAULT_FIX_ROUNDS)
            .build(console, parent.interruption::onEvent);
    plan = PlannedSpeedup.forecast(orchestrator.budgeted(plan));
    console.plan(plan);
    if (directory.outputDirectory == null && repo == null) {
      console.destination(
          orchestrator.outputDirectoryFor(plan),
          OutputDirectory.defaultFor(Path.of(""), plan.requirements()));
    }
    parent.interruption.onFirst(orchestrator::cancel, engine.extraCancellationGrace());
    if (repo == null) {
      return console.finished(orchestrator.execute(plan), parent.interruption);
    }
    return repo.execute(orchestrator, plan, console, parent.interruption);
  }
}
