package dev.orchestrator.agent;

import dev.orchestrator.plan.Task;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the simulated agent does in a repository's worktree: small real edits inside the task's
 * claims, so the repository mode's commits, patches and merges run offline. A claimed file that
 * exists gets one marked line appended (never replaced: it is the user's code); a claimed file that
 * does not exist is created; claims of whole directories get the scaffold's files there. No README
 * is written: the repository has its own.
 */
final class SimulatedEdits {

  private SimulatedEdits() {}

  /** Whether the workspace is a git worktree (a {@code .git} file or directory at its root). */
  static boolean inRepository(TaskWorkspace workspace) {
    return Files.exists(workspace.root().resolve(".git"), LinkOption.NOFOLLOW_LINKS);
  }

  /** The files to touch, in order: the claimed single files, else the scaffold's. */
  static List<String> targets(Task task) {
    List<String> files = new ArrayList<>();
    for (String claim : task.files()) {
      if (!claim.contains("*") && !claim.contains("?") && !claim.contains("[")) {
        files.add(claim);
      }
    }
    if (files.isEmpty()) {
      ScaffoldLayout.of(task).files().forEach(f -> files.add(f.path()));
    }
    return files;
  }

  /** Appends the marked line to an existing file, or creates the file with it. */
  static void edit(TaskWorkspace workspace, Task task, String path) {
    String line = comment(path, "SIMULATED EDIT by " + task.id() + " (" + task.name() + ")");
    Path file = workspace.resolve(path);
    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      String text = workspace.read(path);
      workspace.write(path, text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + line);
    } else {
      workspace.write(
          path, line + comment(path, SimulatedAgent.MARK) + comment(path, task.description()));
    }
  }

  // One line in the file's comment syntax.
  static String comment(String path, String text) {
    String oneLine = text.replaceAll("[\\r\\n]+", " ");
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
    return switch (extension) {
      case "java",
          "js",
          "mjs",
          "cjs",
          "ts",
          "tsx",
          "jsx",
          "c",
          "h",
          "cc",
          "cpp",
          "hpp",
          "go",
          "rs",
          "kt",
          "kts",
          "scala",
          "swift",
          "cs",
          "dart",
          "gradle" ->
          "// " + oneLine + "\n";
      case "css", "scss" -> "/* " + oneLine.replace("*/", "* /") + " */\n";
      case "md", "html", "htm", "xml", "vue", "svelte" ->
          "<!-- " + oneLine.replace("--", "- -") + " -->\n";
      case "json" -> "";
      case "sql", "lua", "hs" -> "-- " + oneLine + "\n";
      default -> "# " + oneLine + "\n";
    };
  }
}
