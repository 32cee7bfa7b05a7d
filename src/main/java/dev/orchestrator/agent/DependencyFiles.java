package dev.orchestrator.agent;

import dev.orchestrator.process.AgentFiles;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files that the tasks a task depends on produced, as an agent sees them: by project-relative
 * path, readable one by one, and shown in its prompt within a budget of characters. When they do
 * not all fit, the largest are cut first: every file is cut to the same length, the longest that
 * lets the total fit, so small files (interfaces, schemas) stay whole and a large one loses its
 * tail. A cut file says so, and {@code read_file} still gives it whole.
 */
final class DependencyFiles {

  /** One file of a dependency. */
  record File(String taskId, String path, Path location) {}

  // Below this, a cut file shows too little to help: it is listed, not shown.
  private static final int MIN_SHOWN = 200;

  private final List<File> files;

  private DependencyFiles(List<File> files) {
    this.files = List.copyOf(files);
  }

  /**
   * @param outputs as in {@link TaskAssignment#dependencyOutputs()}; agent logs ({@value
   *     AgentFiles#DIRECTORY}/) are left out
   */
  static DependencyFiles of(Map<String, List<Path>> outputs) {
    List<File> files = new ArrayList<>();
    outputs.forEach(
        (taskId, paths) -> {
          for (Path location : paths) {
            String path = WorkspaceSeed.relativePath(taskId, location);
            if (!AgentFiles.contains(path)) {
              files.add(new File(taskId, path, location));
            }
          }
        });
    return new DependencyFiles(files);
  }

  List<File> files() {
    return files;
  }

  /** The file of a dependency at a project-relative path; the nearest dependency wins. */
  Optional<File> find(String path) {
    String wanted = path.strip().replace('\\', '/');
    File found = null;
    for (File file : files) {
      if (file.path().equals(wanted)) {
        found = file;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * The files as a prompt section: each under a heading with its task and path, in a fence, cut to
   * fit {@code budgetChars}. Empty when there are no files.
   */
  String render(int budgetChars) {
    if (files.isEmpty()) {
      return "";
    }
    Map<File, String> contents = new LinkedHashMap<>();
    for (File file : files) {
      contents.put(file, read(file.location()));
    }
    int cap = cap(contents.values().stream().map(String::length).toList(), budgetChars);
    StringBuilder text = new StringBuilder();
    List<String> cut = new ArrayList<>();
    contents.forEach(
        (file, content) -> {
          text.append("## ").append(file.taskId()).append(": ").append(file.path()).append('\n');
          if (content.length() <= cap) {
            text.append("```\n")
                .append(content)
                .append(content.endsWith("\n") ? "" : "\n")
                .append("```\n\n");
          } else if (cap >= MIN_SHOWN) {
            text.append("```\n").append(content, 0, cap).append("\n```\n");
            text.append("(cut: ").append(content.length() - cap).append(" more characters)\n\n");
            cut.add(file.path());
          } else {
            text.append("(not shown: ").append(content.length()).append(" characters)\n\n");
            cut.add(file.path());
          }
        });
    if (!cut.isEmpty()) {
      text.append("Read the whole of ")
          .append(String.join(", ", cut))
          .append(" with read_file if you need it.\n");
    }
    return text.toString();
  }

  /**
   * The largest length every file may keep so that the total fits the budget: the sizes all fit
   * whole, or the shortest files stay whole and the others share what is left equally.
   */
  static int cap(List<Integer> sizes, int budget) {
    List<Integer> sorted = new ArrayList<>(sizes);
    sorted.sort(Comparator.naturalOrder());
    int left = Math.max(budget, 0);
    for (int i = 0; i < sorted.size(); i++) {
      int share = left / (sorted.size() - i);
      if (sorted.get(i) > share) {
        return share;
      }
      left -= sorted.get(i);
    }
    return Integer.MAX_VALUE;
  }

  private static String read(Path location) {
    try {
      return Files.readString(location);
    } catch (CharacterCodingException e) {
      return "(a binary file)";
    } catch (IOException e) {
      return "(cannot be read: " + e.getMessage() + ")";
    }
  }
}
