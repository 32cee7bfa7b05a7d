package dev.orchestrator.repo;

import java.util.ArrayList;
import java.util.List;

/** {@code git status --porcelain=v1 -z} entries as lines a person reads. */
final class StatusEntries {

  private StatusEntries() {}

  /**
   * One line per changed path: {@code modified}, {@code added}, {@code deleted}, {@code renamed}
   * (old {@code ->} new), {@code copied}, {@code type changed}, {@code unmerged} or {@code
   * untracked}, then the path. A change staged and another unstaged on one path make one line.
   */
  static List<String> describe(List<String> fields) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      String entry = fields.get(i);
      if (entry.length() < 4) {
        throw new IllegalStateException("unexpected git status entry: " + entry);
      }
      char staged = entry.charAt(0);
      char unstaged = entry.charAt(1);
      String path = entry.substring(3);
      if (staged == 'R' || staged == 'C') {
        // -z puts the original path in the next field, after the new one.
        String from = i + 1 < fields.size() ? fields.get(++i) : "?";
        lines.add((staged == 'R' ? "renamed: " : "copied: ") + from + " -> " + path);
      } else {
        lines.add(kind(staged, unstaged) + ": " + path);
      }
    }
    return List.copyOf(lines);
  }

  private static String kind(char staged, char unstaged) {
    if (staged == '?') {
      return "untracked";
    }
    if (staged == 'U'
        || unstaged == 'U'
        || (staged == 'A' && unstaged == 'A')
        || (staged == 'D' && unstaged == 'D')) {
      return "unmerged";
    }
    char kind = staged != ' ' ? staged : unstaged;
    switch (kind) {
      case 'A':
        return "added";
      case 'D':
        return "deleted";
      case 'T':
        return "type changed";
      default:
        return "modified";
    }
  }
}
