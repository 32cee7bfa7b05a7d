package dev.orchestrator.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a plan or a run is written: {@code -o} and {@code --force}. */
final class DirectoryOptions {

  @Option(
      names = {"-o", "--output-dir"},
      paramLabel = "DIR",
      description = "Output directory (default: outputs/<slug-of-the-requirements>).")
  Path outputDirectory;

  @Option(
      names = "--force",
      description =
          "Write into a non-empty directory that is not an earlier run, replacing the entries a run"
              + " writes there (src/, tests/, docs/, README.md, ...); other files are kept.")
  boolean force;
}
