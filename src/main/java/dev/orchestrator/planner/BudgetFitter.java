package dev.orchestrator.planner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Brings the number of draft tasks into the band's range without giving up parallel work. A plan
 * that is short adds standard extras; a plan that is long groups related work: first each
 * component's parts into one task (its backend and its UI become one slice of the feature), then a
 * component's tests go back into the part that builds that component, then the two shortest parts,
 * so that the parts stay even, features of one family first (posts with comments, not with login);
 * verification tasks merge only when two parts are left, and parts merge below two only for the
 * smallest plans. A component's tests stay a task of their own as long as the budget has room: they
 * run beside the other components' work.
 *
 * <p>Merges stay within a phase, or put tests into the part they test (or into verification), so a
 * merged task owns the files of both and waits for no more than before: parallel work stays safe.
 */
final class BudgetFitter {

  /** Parts kept apart while anything else can merge: two parts are what runs in parallel. */
  private static final int PARALLEL_PARTS = 2;

  /**
   * What fitting did.
   *
   * @param drafts the fitted drafts, phase by phase
   * @param added how many standard extras were added
   * @param merged how many merges were made
   */
  record Fitting(List<TaskDraft> drafts, int added, int merged) {
    Fitting {
      drafts = List.copyOf(drafts);
    }
  }

  /**
   * The drafts resized to the budget.
   *
   * @param drafts phase by phase
   * @param extras standard tasks to add in order while the plan is short
   * @throws IllegalStateException if the extras cannot fill the budget, a gap in the catalogue, or
   *     the plan cannot be merged down to it
   */
  Fitting fit(List<TaskDraft> drafts, List<TaskDraft> extras, TaskBudget budget) {
    List<TaskDraft> fitted = new ArrayList<>(drafts);
    int added = 0;
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
    fitted.sort(Comparator.comparing(TaskDraft::layer));
    int merged = 0;
    while (fitted.size() > budget.max()) {
      int parts = count(fitted, Layer.PART);
      int[] slice =
          parts > PARALLEL_PARTS
              ? bestPair(fitted, PhaseDependencies.positions(fitted, Layer.PART), true)
              : null;
      int[] fold = slice == null ? bestFold(fitted) : null;
      if (slice != null) {
        merge(fitted, slice);
      } else if (fold != null) {
        merge(fitted, fold);
      } else if (parts > PARALLEL_PARTS) {
        mergeShortest(fitted, Layer.PART);
      } else if (count(fitted, Layer.VERIFICATION) > 1) {
        mergeShortest(fitted, Layer.VERIFICATION);
      } else if (count(fitted, Layer.TESTS) > 0 && count(fitted, Layer.VERIFICATION) > 0) {
        // Tests that no one part builds join verification, which waits for every part.
        int tests = PhaseDependencies.positions(fitted, Layer.TESTS).get(0);
        int verification = PhaseDependencies.positions(fitted, Layer.VERIFICATION).get(0);
        fitted.set(verification, fitted.get(verification).mergedWith(fitted.get(tests)));
        fitted.remove(tests);
      } else if (parts > 1) {
        mergeShortest(fitted, Layer.PART);
      } else {
        throw new IllegalStateException(
            "cannot merge " + fitted.size() + " tasks down to " + budget.describe());
      }
      merged++;
    }
    return new Fitting(fitted, added, merged);
  }

  private static void mergeShortest(List<TaskDraft> drafts, Layer layer) {
    merge(drafts, bestPair(drafts, PhaseDependencies.positions(drafts, layer), false));
  }

  // A component's tests and the part that builds all of its components: the shortest such pair,
  // then the first; null when there is none.
  private static int[] bestFold(List<TaskDraft> drafts) {
    int[] best = null;
    for (int tests : PhaseDependencies.positions(drafts, Layer.TESTS)) {
      for (int part : PhaseDependencies.positions(drafts, Layer.PART)) {
        int[] pair = {part, tests};
        if (drafts.get(part).components().containsAll(drafts.get(tests).components())
            && (best == null || order(drafts).compare(pair, best) < 0)) {
          best = pair;
        }
      }
    }
    return best;
  }

  // The pair with the shortest combined estimate, then the most related, then the first; with
  // sameComponent, only pairs working on the same components; null when there is none.
  private static int[] bestPair(List<TaskDraft> drafts, List<Integer> at, boolean sameComponent) {
    Comparator<int[]> order = order(drafts);
    int[] best = null;
    for (int x = 0; x < at.size(); x++) {
      for (int y = x + 1; y < at.size(); y++) {
        TaskDraft a = drafts.get(at.get(x));
        TaskDraft b = drafts.get(at.get(y));
        if (sameComponent && (a.shared() || b.shared() || !a.components().equals(b.components()))) {
          continue;
        }
        int[] pair = {at.get(x), at.get(y)};
        if (best == null || order.compare(pair, best) < 0) {
          best = pair;
        }
      }
    }
    return best;
  }

  private static Comparator<int[]> order(List<TaskDraft> drafts) {
    return Comparator.<int[], Duration>comparing(pair -> sum(drafts, pair))
        .thenComparingInt(pair -> distance(drafts, pair))
        .thenComparingInt(pair -> pair[0])
        .thenComparingInt(pair -> pair[1]);
  }

  private static Duration sum(List<TaskDraft> drafts, int[] pair) {
    return drafts.get(pair[0]).duration().plus(drafts.get(pair[1]).duration());
  }

  // 0 for two tasks of one kind of work on the same footing for features of one family (posts and
  // comments), more the less they have in common.
  private static int distance(List<TaskDraft> drafts, int[] pair) {
    TaskDraft a = drafts.get(pair[0]);
    TaskDraft b = drafts.get(pair[1]);
    boolean sameKind = a.kinds().stream().anyMatch(b.kinds()::contains);
    boolean sameFamily =
        !a.shared() && !b.shared() && FeatureFamily.related(a.components(), b.components());
    return (a.shared() == b.shared() ? 0 : 1) + (sameKind ? 0 : 1) + (sameFamily ? 0 : 1);
  }

  private static void merge(List<TaskDraft> drafts, int[] pair) {
    drafts.set(pair[0], drafts.get(pair[0]).mergedWith(drafts.get(pair[1])));
    drafts.remove(pair[1]);
  }

  private static int count(List<TaskDraft> drafts, Layer layer) {
    return PhaseDependencies.positions(drafts, layer).size();
  }
}
