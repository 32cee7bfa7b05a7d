package dev.orchestrator.cli;

import dev.orchestrator.Secrets;
import dev.orchestrator.UsageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Builds the command tree and maps outcomes and errors to exit codes, in one place. */
public final class Cli {

  /** Every task completed. */
  public static final int OK = 0;

  /** The run finished but some task failed, was skipped or was not started. */
  public static final int TASKS_FAILED = 1;

  /** Bad usage or bad input: invalid option, unreadable or invalid plan, missing configuration. */
  public static final int USAGE = 2;

  /** Interrupted (Ctrl-C). */
  public static final int INTERRUPTED = 130;

  private Cli() {}

  /**
   * Runs the command line.
   *
   * @param terminal whether standard output is an interactive terminal (live progress display)
   * @return the exit code
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err, boolean terminal) {
    return execute(args, out, err, terminal, new Interruption(err), System.getenv(), () -> 0);
  }

  static int execute(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      boolean terminal,
      Interruption interruption) {
    return execute(
        args, out, err, terminal, interruption, System.getenv(), Terminal::columnsOfControllingTty);
  }

  /** Runs the command line in the given environment instead of the process's; for tests. */
  static int execute(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      boolean terminal,
      Map<String, String> environment) {
    return execute(args, out, err, terminal, new Interruption(err), environment);
  }

  /** As {@link #execute(String[], PrintWriter, PrintWriter, boolean, Map)}, signals from a test. */
  static int execute(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      boolean terminal,
      Interruption interruption,
      Map<String, String> environment) {
    return execute(args, out, err, terminal, interruption, environment, () -> 0);
  }

  private static int execute(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      boolean terminal,
      Interruption interruption,
      Map<String, String> environment,
      IntSupplier ttyColumns) {
    Settings settings;
    try {
      settings = Settings.load(environment, Path.of(""));
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return USAGE;
    }
    // Whatever is printed, by us or by an agent whose output we show, leaves with keys masked.
    Secrets secrets = settings.secrets();
    PrintWriter maskedOut = new PrintWriter(secrets.masking(new BidiEscaping(out)), true);
    PrintWriter maskedErr = new PrintWriter(secrets.masking(new BidiEscaping(err)), true);
    try {
      Terminal screen = Terminal.of(terminal, environment, ttyColumns);
      return execute(args, maskedOut, maskedErr, screen, interruption, settings);
    } finally {
      maskedOut.flush();
      maskedErr.flush();
    }
  }

  private static int execute(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      Terminal screen,
      Interruption interruption,
      Settings settings) {
    List<Class<?>> subcommands = subcommandsNeeded(args);
    CommandLine cli = commandLine(out, screen, interruption, subcommands);
    // The whole tree, for what reads every command's options: this one, or one built for that.
    Supplier<CommandLine> whole =
        subcommands == OrchestratorCommand.SUBCOMMANDS
            ? () -> cli
            : () -> commandLine(out, screen, interruption, OrchestratorCommand.SUBCOMMANDS);
    cli.setColorScheme(CommandLine.Help.defaultColorScheme(screen.ansi()));
    OptionSections.install(cli);
    // Help fits the terminal (picocli asks it for its width), 80 columns elsewhere.
    cli.setUsageHelpAutoWidth(true);
    try {
      settings.requireKnownSettings(() -> whole.get().getCommandSpec());
      cli.setDefaultValueProvider(
          runsSubcommand(args, cli) ? settings.exceptOptionsOf(cli.getCommandSpec()) : settings);
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return USAGE;
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof InterruptedException) {
            err.println("interrupted");
            return INTERRUPTED;
          }
          if (e instanceof UsageException) {
            err.println("error: " + e.getMessage());
            return USAGE;
          }
          if (e instanceof dev.orchestrator.OrchestratorException) {
            err.println("error: " + e.getMessage());
            return TASKS_FAILED;
          }
          if (e instanceof java.io.UncheckedIOException io) {
            // A file the run cannot read or change (an immutable src/, a full disk): what and
            // why, not a stack trace.
            err.println(
                "error: "
                    + e.getMessage()
                    + " ("
                    + io.getCause().getMessage()
                    + "); check that the directory and its files can be written, or choose"
                    + " another -o");
            return TASKS_FAILED;
          }
          throw e;
        });
    cli.setParameterExceptionHandler(
        (e, arguments) -> shortError(e, arguments, settings, err, whole));
    cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : 1);
    return cli.execute(args);
  }

  /**
   * The command tree: the main command with the given subcommands. Building a command reflects on
   * it and its mixins, which is most of the start-up of a short run.
   */
  static CommandLine commandLine(
      PrintWriter out, Terminal screen, Interruption interruption, List<Class<?>> subcommands) {
    CommandLine cli = new CommandLine(new OrchestratorCommand(out, screen, interruption));
    subcommands.forEach(cli::addSubcommand);
    return cli;
  }

  /**
   * The subcommands that a command line needs: none to print the version or to run the main command
   * with a requirement; only the one it runs when it starts with the name of a subcommand other
   * than {@code help} and {@code completion}, which show the others (a command line that runs a
   * subcommand parses and prints nothing of the others); else all of them ({@link
   * OrchestratorCommand#SUBCOMMANDS} itself).
   */
  private static List<Class<?>> subcommandsNeeded(String[] args) {
    if (args.length == 0) {
      return OrchestratorCommand.SUBCOMMANDS;
    }
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return List.of();
    }
    for (Class<?> subcommand : OrchestratorCommand.SUBCOMMANDS) {
      if (subcommand != HelpCommand.class
          && subcommand != CompletionCommand.class
          && subcommand.getAnnotation(CommandLine.Command.class).name().equals(args[0])) {
        return List.of(subcommand);
      }
    }
    // The main command with a requirement needs none, unless an argument names one (picocli takes
    // a subcommand's name wherever it comes), asks for help or the version (help lists them), or
    // is an @file of arguments.
    for (String arg : args) {
      if (OrchestratorCommand.SUBCOMMAND_NAMES.contains(arg)
          || arg.startsWith("@")
          || (arg.startsWith("-") && !arg.startsWith("--") && arg.matches("-[^=]*[hV].*"))
          || arg.equals("--help")
          || arg.equals("--version")) {
        return OrchestratorCommand.SUBCOMMANDS;
      }
    }
    return List.of();
  }

  /**
   * A mistake on the command line: the one line saying what is wrong, picocli's suggestions for a
   * mistyped option or command, and where the help is, instead of the whole help.
   */
  private static int shortError(
      CommandLine.ParameterException e,
      String[] args,
      Settings settings,
      PrintWriter err,
      Supplier<CommandLine> whole) {
    // A bad value that came from the environment or the config file names where it came from.
    String origin =
        e.getArgSpec() instanceof OptionSpec option && !given(option, args)
            ? settings.origin(option)
            : null;
    err.println(
        "error: "
            + (origin == null ? "" : origin + ": ")
            + e.getMessage()
            + (origin == null ? "" : "; fix or unset it"));
    String elsewhere = optionOfOtherCommands(e, whole);
    if (elsewhere != null) {
      err.println(elsewhere);
    } else {
      CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    }
    err.println("see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
    err.flush();
    return USAGE;
  }

  /**
   * For an option that this command does not take but others do ({@code plan --retries}), which
   * commands take it; picocli's suggestions would offer look-alikes of this command instead.
   */
  private static String optionOfOtherCommands(
      CommandLine.ParameterException e, Supplier<CommandLine> whole) {
    if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)
        || unmatched.getUnmatched().isEmpty()
        || !unmatched.getUnmatched().get(0).startsWith("-")) {
      return null;
    }
    String name = unmatched.getUnmatched().get(0).split("=", 2)[0];
    CommandSpec command = e.getCommandLine().getCommandSpec();
    List<String> takers = new ArrayList<>();
    // The whole tree: this command line may hold only the subcommand that runs.
    CommandSpec root = whole.get().getCommandSpec();
    Stream.concat(
            Stream.of(root), root.subcommands().values().stream().map(CommandLine::getCommandSpec))
        .distinct()
        .filter(other -> other.findOption(name) != null)
        .forEach(other -> takers.add(other.name()));
    if (takers.isEmpty()) {
      return null;
    }
    String list =
        takers.size() == 1
            ? takers.get(0)
            : String.join(", ", takers.subList(0, takers.size() - 1))
                + " and "
                + takers.get(takers.size() - 1);
    return command.name()
        + " does not take "
        + name
        + " ("
        + list
        + (takers.size() == 1 ? " does)" : " do)");
  }

  /**
   * Whether the first word that is neither an option nor an option's value names a subcommand:
   * {@code -q plan x}, {@code -m 3 plan x}.
   */
  private static boolean runsSubcommand(String[] args, CommandLine cli) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-")) {
        return cli.getSubcommands().containsKey(arg);
      }
      OptionSpec option = cli.getCommandSpec().findOption(arg);
      if (option != null && option.arity().max() > 0) {
        i++; // its value, given as the next word
      }
    }
    return false;
  }

  private static boolean given(OptionSpec option, String[] args) {
    for (String arg : args) {
      for (String name : option.names()) {
        if (arg.equals(name) || arg.startsWith(name + "=")) {
          return true;
        }
      }
    }
    return false;
  }
}
