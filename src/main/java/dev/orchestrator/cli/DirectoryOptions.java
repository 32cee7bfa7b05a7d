package dev.orchestrator.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a plan or a run is written: {@code -o} and {@code --force}. */
final class DirectoryOptions {

  @Option(
      names = {"-o", "--output-dir"},
      paramLabel = "DIR",
      description =
          "Output directory (default: outputs/<slug-of-the-requirements>, or <slug>-2, -3, ..."
              + " when an earlier run is there).")
  Path outputDirectory;

  @Option(
      names = "--force",
      description =
          "Write into a non-empty directory that is not an earlier run, or replace an earlier run"
              + " that finished, cost money or has a hand-edited execution_plan.json; the entries"
              + " a run writes (src/, tests/, docs/, README.md, ...) are replaced, other files are"
              + " kept.")
  boolean force;
}
