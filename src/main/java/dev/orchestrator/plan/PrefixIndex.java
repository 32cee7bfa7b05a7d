package dev.orchestrator.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * File claims of a plan in a tree of their literal prefixes, to find the pairs of claims that can
 * name the same file without comparing every claim with every other.
 *
 * <p>Every path a claim matches starts with the claim's literal prefix (its whole segments before
 * the first one with a wildcard), so two claims can only meet when one prefix is a prefix of the
 * other: when one sits on the other's path from the root of the tree.
 */
final class PrefixIndex {

  /** One claim of one task. */
  record Claim(int task, String claim) {}

  private final Node root = new Node();

  private static final class Node {
    final Map<String, Node> children = new HashMap<>();
    final List<Claim> claims = new ArrayList<>();
  }

  void add(int task, String claim) {
    Node node = root;
    for (String segment : FilePatterns.literalPrefix(claim)) {
      node = node.children.computeIfAbsent(segment, s -> new Node());
    }
    node.claims.add(new Claim(task, claim));
  }

  /**
   * Calls back once for each pair of claims where one prefix is a prefix of the other (pairs of one
   * node once, not twice); only these can overlap.
   */
  void forEachCandidate(BiConsumer<Claim, Claim> pair) {
    List<Node> path = new ArrayList<>();
    List<Node> todo = new ArrayList<>(List.of(root));
    List<Integer> depths = new ArrayList<>(List.of(0));
    while (!todo.isEmpty()) {
      Node node = todo.remove(todo.size() - 1);
      int depth = depths.remove(depths.size() - 1);
      while (path.size() > depth) {
        path.remove(path.size() - 1);
      }
      List<Claim> here = node.claims;
      for (int a = 0; a < here.size(); a++) {
        for (int b = a + 1; b < here.size(); b++) {
          pair.accept(here.get(a), here.get(b));
        }
        for (Node ancestor : path) {
          for (Claim above : ancestor.claims) {
            pair.accept(above, here.get(a));
          }
        }
      }
      path.add(node);
      for (Node child : node.children.values()) {
        todo.add(child);
        depths.add(depth + 1);
      }
    }
  }
}
