package dev.orchestrator.cli;

import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.run.Orchestrator;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code orchestrator plan <requirements>}: writes execution_plan.json and prints the plan. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description =
        "Plan only: write execution_plan.json and print the plan; run it later with run --plan.")
final class PlanCommand implements Callable<Integer> {

  @ParentCommand OrchestratorCommand parent;

  @Parameters(
      paramLabel = "REQUIREMENTS",
      arity = "0..*",
      description = "What to build, in plain words.")
  List<String> words;

  @Mixin BudgetOption budget;

  @Mixin PlanningOptions planning;

  @Mixin ModelOptions model;

  @Mixin ClaudeCodeOptions claudeCode;

  @Mixin DirectoryOptions directory;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description =
          "Plan changes to this git repository from a map of its files; the plan goes to"
              + " .git/orchestrator/<run>/ unless -o says where. Run it with: orchestrator run"
              + " --plan FILE --repo DIR.")
  Path repository;

  @Mixin JsonOption output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    RepositoryOptions repo = new RepositoryOptions();
    repo.repository = repository;
    Orchestrator orchestrator =
        RunAssembly.of(spec, model, claudeCode)
            .directory(directory)
            .repository(RepositoryRun.open(repo, Settings.of(spec).environment()))
            .budget(budget.maxExecutors)
            .planning(planning)
            .build(parent.console(output.json).progress()); // "Planning with claude-code…"
    Plan plan = PlannedSpeedup.forecast(orchestrator.plan(Requirements.join(words)));
    Path file = orchestrator.savePlan(plan);
    if (output.json) {
      parent.out.print(PlanJson.write(plan));
    } else {
      parent.console(false).plan(plan);
      parent.out.println("Plan written to " + file);
      parent.out.println("Run it with: orchestrator run --plan " + file);
    }
    parent.out.flush();
    return Cli.OK;
  }
}
