package dev.orchestrator.cli;

import picocli.CommandLine.Option;

/** Who plans: {@code --planner}. Only the commands that make a plan take it. */
final class PlanningOptions {

  /** Who plans. */
  enum PlannerKind {
    HEURISTIC,
    LLM,
    CLAUDE_CODE;

    @Override
    public String toString() {
      return KindConverter.label(this);
    }
  }

  @Option(
      names = "--planner",
      paramLabel = "PLANNER",
      converter = PlannerKinds.class,
      description =
          "Who plans: ${COMPLETION-CANDIDATES}. Default with --real: llm when a model API is"
              + " configured, else claude-code when claude is on PATH; else heuristic (offline).")
  PlannerKind planner;

  static final class PlannerKinds extends KindConverter<PlannerKind> {
    PlannerKinds() {
      super(PlannerKind.class);
    }
  }
}
