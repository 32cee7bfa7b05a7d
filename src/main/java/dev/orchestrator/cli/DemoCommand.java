package dev.orchestrator.cli;

import dev.orchestrator.UsageException;
import dev.orchestrator.run.Orchestrator;
import dev.orchestrator.run.RunOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code orchestrator demo [SCENARIO]}: the original tool's examples, offline. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run an example scenario offline (all of them when none is named).",
      "Scenarios: calculator, todo, ecommerce, etl, ml, game, microservices. Each writes into"
          + " outputs/demo-<scenario> unless -o is given; -m defaults to the scenario's own budget."
    })
final class DemoCommand implements Callable<Integer> {

  @ParentCommand OrchestratorCommand parent;

  @Parameters(paramLabel = "SCENARIO", arity = "0..1", description = "Which example to run.")
  String scenario;

  @Option(names = "--list", description = "List the scenarios and exit.")
  boolean list;

  @Mixin RunOptions options;

  @Override
  public Integer call() throws InterruptedException {
    if (list) {
      for (Scenario s : Scenario.values()) {
        parent.out.printf("%-14s -m %-2d %s%n", s.label(), s.suggestedExecutors, s.requirements);
      }
      parent.out.flush();
      return Cli.OK;
    }
    List<Scenario> chosen = scenario == null ? List.of(Scenario.values()) : List.of(find(scenario));
    if (chosen.size() > 1 && options.outputDirectory != null) {
      throw new UsageException(
          "-o names one directory; name a scenario to use it, e.g. demo todo -o DIR");
    }
    Integer budget = options.maxExecutors;
    Path base = options.outputDirectory;
    int worst = Cli.OK;
    List<String> lines = new ArrayList<>();
    for (Scenario s : chosen) {
      options.maxExecutors = budget != null ? budget : s.suggestedExecutors;
      options.outputDirectory = base != null ? base : Path.of("outputs", "demo-" + s.label());
      parent.out.printf("=== demo %s ===%n", s.label());
      Console console = parent.console(false);
      Orchestrator orchestrator = options.orchestrator(console.progress());
      var plan = PlannedSpeedup.forecast(orchestrator.plan(s.requirements));
      console.plan(plan);
      parent.interruption.onFirst(orchestrator::cancel);
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
              options.maxExecutors,
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
