package dev.orchestrator.cli;

import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.run.Orchestrator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

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

  @Mixin RunOptions options;

  @Mixin JsonOption output;

  @Override
  public Integer call() throws InterruptedException {
    Plan plan = PlanJson.read(planFile);
    Console console = parent.console(output.json);
    Orchestrator orchestrator = options.orchestrator(console.progress());
    plan = PlannedSpeedup.forecast(orchestrator.budgeted(plan));
    console.plan(plan);
    parent.interruption.onFirst(orchestrator::cancel);
    return console.finished(orchestrator.execute(plan), parent.interruption);
  }
}
