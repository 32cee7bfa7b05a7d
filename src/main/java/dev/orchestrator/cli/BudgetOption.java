package dev.orchestrator.cli;

import picocli.CommandLine.Option;

/** {@code -m}: the executor budget a plan is made for and a run uses. */
final class BudgetOption {

  @Option(
      names = {"-m", "--max-executors"},
      paramLabel = "N",
      description = "Executor budget M: tasks run at most N at a time (default: 5).")
  Integer maxExecutors;
}
