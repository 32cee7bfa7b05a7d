package dev.orchestrator.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Decides what each draft waits for in a contract-first plan: every task of a phase waits for every
 * task of the phase before it that has tasks. The parts wait only for the contract, so they run
 * side by side, and standalone parts (build and deployment configuration) not even for that;
 * verification waits for every part. The result is always a DAG, and tasks that no dependency
 * orders are of one phase, whose files the catalogue keeps apart.
 */
final class PhaseDependencies {

  private PhaseDependencies() {}

  /**
   * For each draft, the positions of the drafts it waits for, ascending.
   *
   * @param drafts phase by phase
   * @throws IllegalArgumentException if the drafts are not sorted by phase
   */
  static List<List<Integer>> of(List<TaskDraft> drafts) {
    List<List<Integer>> dependencies = new ArrayList<>();
    List<Integer> previousPhase = List.of();
    List<Integer> currentPhase = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      Layer layer = drafts.get(i).layer();
      if (i > 0 && drafts.get(i - 1).layer() != layer) {
        if (drafts.get(i - 1).layer().compareTo(layer) > 0) {
          throw new IllegalArgumentException("drafts must be sorted by phase");
        }
        previousPhase = List.copyOf(currentPhase);
        currentPhase.clear();
      }
      dependencies.add(drafts.get(i).standalone() ? List.of() : previousPhase);
      currentPhase.add(i);
    }
    return dependencies;
  }

  /** The positions of the drafts of one phase. */
  static List<Integer> positions(List<TaskDraft> drafts, Layer layer) {
    return IntStream.range(0, drafts.size())
        .filter(i -> drafts.get(i).layer() == layer)
        .boxed()
        .toList();
  }
}
