package dev.orchestrator.planner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Brings the number of draft tasks into the band's range. A plan that is short first gives the unit
 * tests of its components tasks of their own, then adds standard extras; a plan that is long merges
 * tasks, most crowded layer first.
 *
 * <p>Every change keeps parallel work safe: a merged task owns the files of both parts and stands
 * in the lower layer; a split test task moves one layer up, so it waits for the code it tests.
 */
final class BudgetFitter {

  /**
   * What fitting did.
   *
   * @param drafts the fitted drafts, lower layers first
   * @param split how many test tasks were split off their components
   * @param added how many standard extras were added
   * @param merged how many merges were made
   */
  record Fitting(List<TaskDraft> drafts, int split, int added, int merged) {
    Fitting {
      drafts = List.copyOf(drafts);
    }
  }

  /**
   * The drafts resized to the budget.
   *
   * @param extras standard tasks to add in order while the plan is short
   * @throws IllegalStateException if the extras cannot fill the budget, a gap in the catalogue
   */
  Fitting fit(List<TaskDraft> drafts, List<TaskDraft> extras, TaskBudget budget) {
    List<TaskDraft> fitted = new ArrayList<>(drafts);
    int split = 0;
    int added = 0;
    int merged = 0;
    if (fitted.size() < budget.min()) {
      split = splitTests(fitted, budget);
      for (TaskDraft extra : extras) {
        if (fitted.size() >= budget.min()) {
          break;
        }
        if (!extra.coveredBy(fitted)) {
          fitted.add(extra);
          added++;
        }
      }
      if (fitted.size() < budget.min()) {
        throw new IllegalStateException(
            "only " + fitted.size() + " tasks for a budget of " + budget.describe());
      }
    }
    while (fitted.size() > budget.max()) {
      mergeOnce(fitted);
      merged++;
    }
    fitted.sort(Comparator.comparing(TaskDraft::layer));
    return new Fitting(fitted, split, added, merged);
  }

  // Splits every component's tests when that stays within the budget, so the plan treats all
  // components alike; otherwise only as many as are needed, in component order.
  private static int splitTests(List<TaskDraft> drafts, TaskBudget budget) {
    long separable = drafts.stream().filter(TaskDraft::hasSeparableTests).count();
    boolean all = drafts.size() + separable <= budget.max();
    int split = 0;
    for (int i = 0; i < drafts.size() && (all || drafts.size() < budget.min()); i++) {
      TaskDraft draft = drafts.get(i);
      if (draft.hasSeparableTests()) {
        drafts.set(i, draft.withoutTests());
        drafts.add(i + 1, draft.testsOnly());
        split++;
        i++;
      }
    }
    drafts.sort(Comparator.comparing(TaskDraft::layer));
    return split;
  }

  // Merges two tasks of the most crowded layer (the higher layer on a tie: interfaces and checks
  // combine more naturally than foundations). With one task per layer left, merges two neighbours
  // in the chain. Two component tasks go together before a component task and shared work, which
  // would make the component wait for everything; then the two shortest, keeping tasks even.
  private static void mergeOnce(List<TaskDraft> drafts) {
    drafts.sort(Comparator.comparing(TaskDraft::layer));
    Layer crowded = mostCrowdedLayer(drafts);
    // Pairs are named by their first position; on a full tie the later pair goes together.
    Comparator<Integer> preference =
        Comparator.<Integer>comparingInt(
                i -> drafts.get(i).shared() == drafts.get(i + 1).shared() ? 0 : 1)
            .thenComparing(i -> drafts.get(i).duration().plus(drafts.get(i + 1).duration()))
            .thenComparing(Comparator.reverseOrder());
    int best =
        IntStream.range(0, drafts.size() - 1)
            .filter(
                i ->
                    crowded == null
                        || (drafts.get(i).layer() == crowded
                            && drafts.get(i + 1).layer() == crowded))
            .boxed()
            .min(preference)
            .orElseThrow(() -> new IllegalStateException("no two tasks to merge"));
    drafts.set(best, drafts.get(best).mergedWith(drafts.get(best + 1)));
    drafts.remove(best + 1);
  }

  // The layer with the most tasks, the higher one on a tie; null when no layer has two.
  private static Layer mostCrowdedLayer(List<TaskDraft> drafts) {
    Layer crowded = null;
    long most = 1;
    for (Layer layer : Layer.values()) {
      long count = drafts.stream().filter(d -> d.layer() == layer).count();
      if (count >= most && count > 1) {
        crowded = layer;
        most = count;
      }
    }
    return crowded;
  }
}
