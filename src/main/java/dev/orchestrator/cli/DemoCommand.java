package dev.orchestrator.cli;

import dev.orchestrator.UsageException;
import dev.orchestrator.run.Orchestrator;
import dev.orchestrator.run.RunOutcome;
import dev.orchestrator.verify.VerificationSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code orchestrator demo [SCENARIO]}: the original tool's examples, offline. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run an example scenario offline (all of them when none is named).",
      "Scenarios: calculator, todo, ecommerce, etl, ml, game, microservices. Each writes into"
          + " outputs/demo-<scenario> unless -o is given; -m defaults to the scenario's own budget.",
      "repo: makes a small git repository (outputs/demo-repo, or -o) and runs --repo on it."
    })
final class DemoCommand implements Callable<Integer> {

  @ParentCommand OrchestratorCommand parent;

  @Parameters(paramLabel = "SCENARIO", arity = "0..1", description = "Which example to run.")
  String scenario;

  @Option(names = "--list", description = "List the scenarios and exit.")
  boolean list;

  @Mixin BudgetOption budget;

  @Mixin PlanningOptions planning;

  @Mixin ExecutorOptions executors;

  @Mixin ExecutionOptions execution;

  @Mixin EngineOptions engine;

  @Mixin ModelOptions model;

  @Mixin ClaudeCodeOptions claudeCode;

  @Mixin VerifyOptions verify;

  @Mixin DirectoryOptions directory;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (list) {
      for (Scenario s : Scenario.values()) {
        parent.out.printf("%-14s -m %-2d %s%n", s.label(), s.suggestedExecutors, s.requirements);
      }
      parent.out.flush();
      return Cli.OK;
    }
    if ("repo".equalsIgnoreCase(scenario)) {
      return repository();
    }
    List<Scenario> chosen = scenario == null ? List.of(Scenario.values()) : List.of(find(scenario));
    Path base = directory.outputDirectory;
    if (chosen.size() > 1 && base != null) {
      throw new UsageException(
          "-o names one directory; name a scenario to use it, e.g. demo todo -o DIR");
    }
    int worst = Cli.OK;
    List<String> lines = new ArrayList<>();
    for (Scenario s : chosen) {
      int executorCount = budget.maxExecutors != null ? budget.maxExecutors : s.suggestedExecutors;
      parent.out.printf("=== demo %s ===%n", s.label());
      Console console = parent.console(false);
      Orchestrator orchestrator =
          assembly(executorCount)
              .directory(
                  base != null ? base : Path.of("outputs", "demo-" + s.label()), directory.force)
              .build(console);
      var plan = PlannedSpeedup.forecast(orchestrator.plan(s.requirements));
      console.plan(plan);
      parent.interruption.onFirst(orchestrator::cancel, engine.extraCancellationGrace());
      RunOutcome outcome = orchestrator.execute(plan);
      int code = console.finished(outcome, parent.interruption);
      if (code == Cli.INTERRUPTED) {
        return code;
      }
      worst = Math.max(worst, code);
      lines.add(
          String.format(
              Locale.ROOT,
              "%-14s %2d tasks on %d executors: %.1fs -> %s",
              s.label(),
              plan.tasks().size(),
              executorCount,
              java.time.Duration.between(
                          outcome.record().startedAt(), outcome.record().finishedAt())
                      .toMillis()
                  / 1000.0,
              outcome.outputDirectory()));
      parent.out.println();
    }
    if (chosen.size() > 1) {
      parent.out.println("Summary:");
      lines.forEach(l -> parent.out.println("  " + l));
      parent.out.flush();
    }
    return worst;
  }

  /**
   * {@code demo repo}: makes a small sample repository ({@code outputs/demo-repo}, or {@code -o})
   * and runs the repository mode on it.
   */
  private int repository() throws InterruptedException {
    Map<String, String> environment = Settings.of(spec).environment();
    Path dir =
        SampleRepository.create(
            directory.outputDirectory != null
                ? directory.outputDirectory
                : Path.of("outputs", "demo-repo"),
            environment);
    parent.out.printf("=== demo repo: a sample repository at %s ===%n", dir);
    RepositoryOptions options = new RepositoryOptions();
    options.repository = dir;
    RepositoryRun repo = RepositoryRun.open(options, environment);
    Console console = parent.console(false);
    Orchestrator orchestrator =
        assembly(budget.maxExecutors != null ? budget.maxExecutors : 3)
            .repository(repo)
            .build(console);
    var plan = PlannedSpeedup.forecast(orchestrator.plan(SampleRepository.REQUIREMENT));
    console.plan(plan);
    parent.interruption.onFirst(orchestrator::cancel, engine.extraCancellationGrace());
    return repo.execute(orchestrator, plan, console, parent.interruption);
  }

  // What every demo runs with: this command's planning, execution and verify options.
  private RunAssembly assembly(int executorCount) {
    return RunAssembly.of(spec, model, claudeCode)
        .budget(executorCount)
        .planning(planning)
        .execution(executors, execution, engine)
        .verification(verify, VerificationSettings.DEFAULT_FIX_ROUNDS);
  }

  private static Scenario find(String name) {
    return Arrays.stream(Scenario.values())
        .filter(s -> s.label().equals(name.toLowerCase(Locale.ROOT).replace("-", "")))
        .findFirst()
        .orElseThrow(
            () ->
                new UsageException(
                    "unknown scenario \""
                        + name
                        + "\"; choose one of "
                        + Arrays.stream(Scenario.values()).map(Scenario::label).toList()));
  }
}
