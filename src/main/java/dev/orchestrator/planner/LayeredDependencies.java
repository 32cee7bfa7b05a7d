package dev.orchestrator.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Decides what each draft waits for, from layers alone, so the result is always a DAG.
 *
 * <p>Work on a component waits for the latest lower-layer task of the same component (the cart UI
 * waits for the cart backend, not for the catalog). Shared work, and component work that is the
 * first of its component, waits for every lower-layer task that nothing lower waits for yet (the
 * frontier), so it follows everything below it. Two tasks that no dependency path connects are then
 * different components, or the same layer, whose files the layouts keep apart.
 */
final class LayeredDependencies {

  private LayeredDependencies() {}

  /**
   * For each draft, the positions of the drafts it waits for, ascending.
   *
   * @param drafts lower layers first
   */
  static List<List<Integer>> of(List<TaskDraft> drafts) {
    List<List<Integer>> dependencies = new ArrayList<>();
    int lowerEnd = 0;
    for (int i = 0; i < drafts.size(); i++) {
      TaskDraft draft = drafts.get(i);
      if (i > 0 && drafts.get(i - 1).layer().compareTo(draft.layer()) > 0) {
        throw new IllegalArgumentException("drafts must be sorted by layer");
      }
      if (i > 0 && drafts.get(i - 1).layer() != draft.layer()) {
        lowerEnd = i;
      }
      SortedSet<Integer> waitsFor = new TreeSet<>();
      boolean followsEverything = draft.shared();
      for (String component : draft.components()) {
        int latest = -1;
        for (int j = 0; j < lowerEnd; j++) {
          if (drafts.get(j).components().contains(component)) {
            latest = j;
          }
        }
        if (latest >= 0) {
          waitsFor.add(latest);
        } else {
          followsEverything = true;
        }
      }
      if (followsEverything) {
        waitsFor.addAll(frontier(lowerEnd, dependencies));
      }
      dependencies.add(List.copyOf(waitsFor));
    }
    return dependencies;
  }

  // Drafts before `end` that no other draft before `end` waits for.
  private static List<Integer> frontier(int end, List<List<Integer>> dependencies) {
    boolean[] awaited = new boolean[end];
    for (int k = 0; k < end; k++) {
      for (int j : dependencies.get(k)) {
        awaited[j] = true;
      }
    }
    List<Integer> frontier = new ArrayList<>();
    for (int j = 0; j < end; j++) {
      if (!awaited[j]) {
        frontier.add(j);
      }
    }
    return frontier;
  }
}
