package dev.orchestrator.cli;

import dev.orchestrator.output.Backend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The options a run records in its journal, so that {@code resume} continues it with the executor,
 * limits and verify step it was started with instead of the defaults: the options given on its
 * command line, and the executor they chose (the one {@code --real} found, say). Options given to
 * {@code resume} override the recorded ones one by one.
 */
final class RecordedOptions {

  // Where and how to print, or what a resumed run takes from its plan file instead.
  private static final Set<String> NOT_RECORDED =
      Set.of(
          "--output-dir",
          "--force",
          "--json",
          "--quiet",
          "--verbose",
          "--help",
          "--version",
          "--plan",
          "--max-executors");
  // No option takes a key today; should one ever, it stays out of the journal.
  private static final Pattern SECRET = Pattern.compile("(?i).*(key|token|secret|password).*");

  private RecordedOptions() {}

  /**
   * The options of a command line to record, by their longest name.
   *
   * @param executor the executor the options chose, recorded as {@code --executor} when not given
   */
  static Map<String, List<String>> of(CommandSpec spec, Backend executor) {
    ParseResult parsed = spec.commandLine().getParseResult();
    Map<String, List<String>> options = new LinkedHashMap<>();
    for (OptionSpec option : spec.options()) {
      String name = option.longestName();
      if (NOT_RECORDED.contains(name) || SECRET.matcher(name).matches()) {
        continue;
      }
      if (parsed != null && parsed.hasMatchedOption(option)) {
        options.put(name, given(option));
      }
    }
    if (executor != null && spec.findOption("--executor") != null) {
      options.putIfAbsent("--executor", List.of(executor.kind()));
    }
    return options;
  }

  /**
   * The arguments {@code resume} runs with: the recorded options it takes that its own command line
   * does not give, then its own.
   *
   * @param recorded the options the run's last session recorded
   * @param spec the {@code resume} command, parsed
   */
  static List<String> merged(Map<String, List<String>> recorded, CommandSpec spec) {
    ParseResult parsed = spec.commandLine().getParseResult();
    List<String> args = new ArrayList<>();
    recorded.forEach(
        (name, values) -> {
          OptionSpec option = spec.findOption(name);
          if (option != null && !parsed.hasMatchedOption(option)) {
            args.addAll(arguments(option, values));
          }
        });
    for (OptionSpec option : parsed.matchedOptions()) {
      args.addAll(arguments(option, given(option)));
    }
    parsed.matchedPositionals().forEach(p -> args.addAll(p.originalStringValues()));
    return args;
  }

  /** The recorded options in the words of a command line, for messages. */
  static String describe(Map<String, List<String>> recorded) {
    List<String> words = new ArrayList<>();
    recorded.forEach(
        (name, values) -> {
          if (values.isEmpty()) {
            words.add(name);
          }
          values.forEach(v -> words.add(name + " " + (v.contains(" ") ? "'" + v + "'" : v)));
        });
    return String.join(" ", words);
  }

  // A flag has no value; an option given several times (--claude-arg) has one per time.
  private static List<String> given(OptionSpec option) {
    return option.arity().max() == 0 ? List.of() : List.copyOf(option.originalStringValues());
  }

  private static List<String> arguments(OptionSpec option, List<String> values) {
    if (option.arity().max() == 0) {
      return List.of(option.longestName());
    }
    return values.stream().map(v -> option.longestName() + "=" + v).toList();
  }
}
