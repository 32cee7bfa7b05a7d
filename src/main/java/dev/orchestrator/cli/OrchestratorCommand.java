package dev.orchestrator.cli;

import dev.orchestrator.UsageException;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.run.Orchestrator;
import dev.orchestrator.run.OutputDirectory;
import dev.orchestrator.verify.VerificationSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code orchestrator [OPTIONS] <requirements>}: plan, execute, consolidate. */
@Command(
    name = "orchestrator",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Turns one requirement into a plan of dependent tasks, runs them on M executors that pull"
          + " ready tasks from one queue, and consolidates their output into one project.",
      "Offline by default: heuristic planner and simulated executors, no network, no key."
    },
    footer = {
      "",
      "Settings: every long option can also be set in the environment as ORCHESTRATOR_ and its"
          + " name (ORCHESTRATOR_MAX_EXECUTORS=3), or in a config file as max-executors=3. The"
          + " command line wins over the environment, which wins over the file. API keys:"
          + " ANTHROPIC_API_KEY, OPENAI_API_KEY (or anthropic-api-key=, openai-api-key= in the"
          + " file). The config file is the first of:",
      "  $ORCHESTRATOR_CONFIG",
      "  ./orchestrator.properties",
      "  ~/.config/orchestrator/config.properties",
      "",
      "Exit codes: 0 every task completed; 1 some task failed or was skipped; 2 bad usage or bad"
          + " input; 130 interrupted.",
      "",
      "Shell completion: source <(orchestrator completion bash)   (or zsh)",
      "",
      "Example:",
      "  orchestrator \"Build a todo list app with backend API and frontend UI\" -m 3"
    })
final class OrchestratorCommand implements Callable<Integer> {

  /**
   * The subcommands, in the order of the help. {@link Cli} adds them: all of them, or only the one
   * that runs (see {@link Cli#commandLine}).
   */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          PlanCommand.class,
          RunCommand.class,
          ResumeCommand.class,
          SimulateCommand.class,
          DemoCommand.class,
          ReportCommand.class,
          WorkerCommand.class,
          VerifyCommand.class,
          CleanCommand.class,
          CompletionCommand.class,
          HelpCommand.class);

  /**
   * The names and aliases of {@link #SUBCOMMANDS} in their order, as picocli keys them, read
   * without building them.
   */
  static final List<String> SUBCOMMAND_NAMES =
      SUBCOMMANDS.stream()
          .map(type -> type.getAnnotation(Command.class))
          .flatMap(
              command -> Stream.concat(Stream.of(command.name()), Stream.of(command.aliases())))
          .toList();

  final PrintWriter out;
  final Terminal terminal;
  final Interruption interruption;

  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "Print neither the plan nor progress, only the outcome (and errors).")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Also print the run's log (info and warnings) on standard error.")
  boolean verbose;

  @Parameters(
      paramLabel = "REQUIREMENTS",
      arity = "0..*",
      description = "What to build, in plain words.")
  List<String> words;

  @Mixin BudgetOption budget;

  @Mixin PlanningOptions planning;

  @Mixin ExecutorOptions executors;

  @Mixin ExecutionOptions execution;

  @Mixin EngineOptions engine;

  @Mixin ModelOptions model;

  @Mixin ClaudeCodeOptions claudeCode;

  @Mixin VerifyOptions verify;

  @Mixin DirectoryOptions directory;

  @Mixin RepositoryOptions repository;

  @Spec CommandSpec spec;

  @Mixin JsonOption output;

  OrchestratorCommand(PrintWriter out, Terminal terminal, Interruption interruption) {
    this.out = out;
    this.terminal = terminal;
    this.interruption = interruption;
  }

  /** The console of a command of this command line. */
  Console console(boolean json) {
    if (verbose) {
      LogConfiguration.verbose();
    }
    return new Console(out, terminal, json, quiet);
  }

  @Override
  public Integer call() throws InterruptedException {
    CommandGuess.of(words, SUBCOMMAND_NAMES)
        .ifPresent(
            guess -> {
              throw new UsageException(
                  "\""
                      + words.get(0)
                      + "\" is not a command; did you mean: orchestrator "
                      + guess
                      + "?\nA requirement goes in quotes: orchestrator \"Build a todo list app\"");
            });
    String requirements = Requirements.join(words);
    Console console = console(output.json);
    RepositoryRun repo = RepositoryRun.open(repository, Settings.of(spec).environment());
    Orchestrator orchestrator =
        RunAssembly.of(spec, model, claudeCode)
            .directory(directory)
            .repository(repo)
            .budget(budget.maxExecutors)
            .planning(planning)
            .execution(executors, execution, engine)
            .verification(verify, VerificationSettings.DEFAULT_FIX_ROUNDS)
            .build(console, interruption::onEvent);
    interruption.onFirst(
        orchestrator::cancel,
        engine.extraCancellationGrace()); // during planning too: the run then starts nothing
    interruption.planning(true);
    Plan planned;
    try {
      planned = orchestrator.plan(requirements);
    } catch (RuntimeException e) {
      if (interruption.interrupted()) {
        return Cli.INTERRUPTED; // the cancel ended the planner; the signal's message is printed
      }
      throw e;
    }
    var plan = PlannedSpeedup.forecast(planned);
    interruption.planning(false);
    console.plan(plan);
    if (directory.outputDirectory == null && repo == null) {
      console.destination(
          orchestrator.outputDirectoryFor(plan),
          OutputDirectory.defaultFor(Path.of(""), plan.requirements()));
    }
    if (repo == null) {
      return console.finished(orchestrator.execute(plan), interruption);
    }
    return repo.execute(orchestrator, plan, console, interruption);
  }
}
