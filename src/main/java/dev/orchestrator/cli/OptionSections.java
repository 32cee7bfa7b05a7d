package dev.orchestrator.cli;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options of a command's help in sections (planning, execution, language model, Claude Code,
 * engine, verification, sandbox, output) instead of one list of thirty. An option's section is that
 * of the mixin that declares it, so an option added to {@link ModelOptions} lands in the right one
 * without being listed here, and a command shows only the sections of the mixins it takes.
 */
final class OptionSections implements CommandLine.IHelpSectionRenderer {

  static final String OWN = "Options:";
  static final String PLANNING = "Planning:";
  static final String EXECUTION = "Execution:";
  static final String MODEL = "Language model:";
  static final String CLAUDE_CODE = "Claude Code:";
  static final String ENGINE = "Engine:";
  static final String VERIFICATION = "Verification:";
  static final String SANDBOX = "Sandbox:";
  static final String OUTPUT = "Output:";

  /** The sections in the order of the help, each with the mixins whose options it lists. */
  private static final Map<String, List<Class<?>>> SECTIONS = sections();

  private static Map<String, List<Class<?>>> sections() {
    Map<String, List<Class<?>>> sections = new LinkedHashMap<>();
    sections.put(OWN, List.of());
    sections.put(PLANNING, List.of(PlanningOptions.class));
    sections.put(
        EXECUTION,
        List.of(
            ExecutorOptions.class, ExecutorOptions.SimulatedTiming.class, ExecutionOptions.class));
    sections.put(MODEL, List.of(ModelOptions.class));
    sections.put(CLAUDE_CODE, List.of(ClaudeCodeOptions.class));
    sections.put(ENGINE, List.of(EngineOptions.class, TemporalOptions.class));
    sections.put(VERIFICATION, List.of(VerifyOptions.class));
    sections.put(SANDBOX, List.of(SandboxOptions.class));
    sections.put(
        OUTPUT,
        List.of(
            DirectoryOptions.class,
            RepositoryOptions.class,
            JsonOption.class,
            OrchestratorCommand.class));
    return sections;
  }

  private OptionSections() {}

  /** Renders the option list of every command of the tree in sections. */
  static void install(CommandLine root) {
    root.getHelpSectionMap()
        .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, new OptionSections());
    root.getSubcommands().values().stream().distinct().forEach(OptionSections::install);
  }

  @Override
  public String render(Help help) {
    Map<String, List<OptionSpec>> sections = new LinkedHashMap<>();
    SECTIONS.keySet().forEach(heading -> sections.put(heading, new ArrayList<>()));
    CommandSpec command = help.commandSpec();
    for (OptionSpec option : command.options()) {
      if (!option.hidden()) {
        sections.get(section(command, option)).add(option);
      }
    }
    StringBuilder text = new StringBuilder();
    // Picocli's table, whose column widths take every option's rendering to measure: once a help.
    Help.TextTable widths = help.createDefaultLayout().textTable();
    sections.forEach(
        (heading, options) -> {
          if (options.isEmpty()) {
            return;
          }
          options.sort(Comparator.comparingInt(option -> rank(heading, option)));
          Help.Layout layout = layout(help, widths);
          layout.addAllOptions(options, help.parameterLabelRenderer());
          text.append(System.lineSeparator()).append(heading).append(System.lineSeparator());
          text.append(layout);
        });
    return text.toString();
  }

  /**
   * Picocli's layout, but a description breaks between words only: picocli's own line breaking also
   * cuts after a dot or a colon, as in "gpt-4." / "1-mini" and "localhost:" / "7233".
   */
  private static Help.Layout layout(Help help, Help.TextTable widths) {
    Help.TextTable table = emptyCopy(help, widths);
    Help.Column description = table.columns()[table.columns().length - 1];
    int first = description.width - description.indent;
    int later = first - table.indentWrappedLines;
    Help.IOptionRenderer picocli = help.createDefaultOptionRenderer();
    Help.IOptionRenderer wrapping =
        (option, labels, scheme) -> {
          List<Help.Ansi.Text[]> rows = new ArrayList<>();
          for (Help.Ansi.Text[] row : picocli.render(option, labels, scheme)) {
            List<Help.Ansi.Text> lines = wrapAtSpaces(row[row.length - 1], first, later);
            for (int i = 0; i < lines.size(); i++) {
              Help.Ansi.Text[] line = i == 0 ? row.clone() : blankRow(row.length, scheme);
              line[line.length - 1] =
                  i == 0
                      ? lines.get(i)
                      : scheme.text(" ".repeat(table.indentWrappedLines)).concat(lines.get(i));
              rows.add(line);
            }
          }
          return rows.toArray(Help.Ansi.Text[][]::new);
        };
    return new Help.Layout(
        help.colorScheme(), table, wrapping, help.createDefaultParameterRenderer());
  }

  /** A table with no rows and the columns of {@code table}: each section fills its own. */
  private static Help.TextTable emptyCopy(Help help, Help.TextTable table) {
    Help.TextTable copy =
        Help.TextTable.forColumns(
            help.colorScheme(),
            Arrays.stream(table.columns())
                .map(column -> new Help.Column(column.width, column.indent, column.overflow))
                .toArray(Help.Column[]::new));
    copy.setAdjustLineBreaksForWideCJKCharacters(table.isAdjustLineBreaksForWideCJKCharacters());
    copy.indentWrappedLines = table.indentWrappedLines;
    return copy;
  }

  private static Help.Ansi.Text[] blankRow(int columns, Help.ColorScheme scheme) {
    Help.Ansi.Text[] row = new Help.Ansi.Text[columns];
    Arrays.fill(row, scheme.text(""));
    return row;
  }

  /** The text in lines of at most {@code first}, then {@code later}, characters, cut at spaces. */
  static List<Help.Ansi.Text> wrapAtSpaces(Help.Ansi.Text text, int first, int later) {
    String plain = text.plainString();
    List<Help.Ansi.Text> lines = new ArrayList<>();
    int start = 0;
    int width = first;
    while (plain.length() - start > width) {
      int cut = plain.lastIndexOf(' ', start + width);
      if (cut <= start) {
        break; // one word longer than the line: picocli's own wrapping has to do
      }
      lines.add(text.substring(start, cut));
      start = cut + 1;
      width = later;
    }
    lines.add(text.substring(start));
    return lines;
  }

  /** The heading of an option's section in the help of {@code command}. */
  static String section(CommandSpec command, OptionSpec option) {
    if (option.usageHelp() || option.versionHelp()) {
      return OUTPUT;
    }
    Class<?> declaring = declaringClass(option);
    if (declaring == BudgetOption.class) {
      // -m shapes the plan where there is one to make, else it is the run's executor count.
      boolean plans =
          command.options().stream().anyMatch(o -> declaringClass(o) == PlanningOptions.class);
      return plans ? PLANNING : EXECUTION;
    }
    for (Map.Entry<String, List<Class<?>>> section : SECTIONS.entrySet()) {
      if (section.getValue().contains(declaring)) {
        return section.getKey();
      }
    }
    return OWN;
  }

  // Within a section: -m first, then mixin by mixin in the section's order, help and version last.
  private static int rank(String heading, OptionSpec option) {
    if (option.usageHelp() || option.versionHelp()) {
      return Integer.MAX_VALUE;
    }
    return SECTIONS.get(heading).indexOf(declaringClass(option));
  }

  private static Class<?> declaringClass(OptionSpec option) {
    return option.userObject() instanceof Field field ? field.getDeclaringClass() : Object.class;
  }
}
