package dev.orchestrator.cli;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options of a command's help in sections (run, planner and executors, language model, coding
 * agents, verification, output) instead of one list of twenty-five. An option's section is that of
 * the class that declares it, so an option added to {@link ProviderOptions} or {@link AgentOptions}
 * lands in the right one without being listed here.
 */
final class OptionSections implements CommandLine.IHelpSectionRenderer {

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
    for (String heading :
        List.of(
            "Run:",
            "Planner and executors:",
            "Language model:",
            "Coding agents:",
            "Verification:",
            "Output:")) {
      sections.put(heading, new ArrayList<>());
    }
    for (OptionSpec option : help.commandSpec().options()) {
      if (!option.hidden()) {
        sections.computeIfAbsent(section(option), heading -> new ArrayList<>()).add(option);
      }
    }
    StringBuilder text = new StringBuilder();
    sections.forEach(
        (heading, options) -> {
          if (options.isEmpty()) {
            return;
          }
          Help.Layout layout = help.createDefaultLayout();
          layout.addAllOptions(options, help.parameterLabelRenderer());
          text.append(System.lineSeparator()).append(heading).append(System.lineSeparator());
          text.append(layout);
        });
    return text.toString();
  }

  private static String section(OptionSpec option) {
    Class<?> declaring =
        option.userObject() instanceof Field field ? field.getDeclaringClass() : Object.class;
    if (declaring == ProviderOptions.class) {
      return option.longestName().equals("--planner") || option.longestName().equals("--executor")
          ? "Planner and executors:"
          : "Language model:";
    }
    if (declaring == AgentOptions.class) {
      return "Coding agents:";
    }
    if (declaring == VerifyOptions.class) {
      return "Verification:";
    }
    if (declaring == RunOptions.class && option.longestName().equals("--real")) {
      return "Planner and executors:";
    }
    if (declaring == JsonOption.class
        || declaring == OrchestratorCommand.class
        || option.usageHelp()
        || option.versionHelp()) {
      return "Output:";
    }
    return "Run:";
  }
}
