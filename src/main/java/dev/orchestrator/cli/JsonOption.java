package dev.orchestrator.cli;

import picocli.CommandLine.Option;

/** {@code --json}: the command's result as JSON on standard output, instead of text. */
final class JsonOption {

  @Option(
      names = "--json",
      description =
          "Print the result as JSON instead of text: the plan (plan), the execution summary"
              + " (runs), the forecast (simulate).")
  boolean json;
}
