package dev.orchestrator.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Decides what each draft waits for in a contract-first plan. The parts wait only for the contract,
 * so they run side by side, and standalone parts (build and deployment configuration) not even for
 * that. A component's tests wait only for the parts that build that component, so they run beside
 * the other components' work instead of after all of it. Verification waits for every part, not for
 * the component tests: integration tests and documentation need the code, not its unit tests. With
 * no task in the phase a draft would wait for, it waits for the phase before that.
 *
 * <p>The result is always a DAG. Tasks that no dependency orders are of one phase, whose files the
 * catalogue keeps apart, or component tests beside parts or verification, which own their
 * component's test directory only.
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
    for (int i = 1; i < drafts.size(); i++) {
      if (drafts.get(i - 1).layer().compareTo(drafts.get(i).layer()) > 0) {
        throw new IllegalArgumentException("drafts must be sorted by phase");
      }
    }
    List<Integer> contract = positions(drafts, Layer.CONTRACT);
    List<Integer> parts = positions(drafts, Layer.PART);
    List<Integer> builders = parts.isEmpty() ? contract : parts;
    List<List<Integer>> dependencies = new ArrayList<>();
    for (TaskDraft draft : drafts) {
      switch (draft.layer()) {
        case CONTRACT:
          dependencies.add(List.of());
          break;
        case PART:
          dependencies.add(draft.standalone() ? List.of() : contract);
          break;
        case TESTS:
          dependencies.add(buildersOf(draft, drafts, builders));
          break;
        default:
          dependencies.add(builders);
      }
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

  // The parts that build any of the components the tests are for; all of them if none does.
  private static List<Integer> buildersOf(
      TaskDraft tests, List<TaskDraft> drafts, List<Integer> builders) {
    List<Integer> own =
        builders.stream()
            .filter(i -> drafts.get(i).components().stream().anyMatch(tests.components()::contains))
            .toList();
    return own.isEmpty() ? builders : own;
  }
}
