package dev.orchestrator.agent;

import dev.orchestrator.RunLayout;
import dev.orchestrator.SafeFiles;
import dev.orchestrator.process.AgentFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of the tasks an assignment depends on, copied into its workspace before a command-line
 * agent starts: the agent works in that one directory, and there it finds the earlier work as it
 * is, to import, compile against or extend. When the agent has ended, the copies it left unchanged
 * are removed again, so the task's output is what it created or changed.
 *
 * <p>A file keeps the path it has in its task's raw directory ({@code executor_<k>/<task_id>/});
 * when two dependencies have the same path, the one nearer to this task wins. Agent logs ({@value
 * AgentFiles#DIRECTORY}/) are not copied.
 */
public final class WorkspaceSeed {

  private static final Logger log = LoggerFactory.getLogger(WorkspaceSeed.class);

  private final TaskWorkspace workspace;
  private final Map<String, Path> originals;
  private final Map<String, List<String>> filesByTask;

  private WorkspaceSeed(
      TaskWorkspace workspace, Map<String, Path> originals, Map<String, List<String>> filesByTask) {
    this.workspace = workspace;
    this.originals = originals;
    this.filesByTask = filesByTask;
  }

  /**
   * Copies the dependencies' files into the workspace.
   *
   * @param dependencyOutputs as in {@link TaskAssignment#dependencyOutputs()}: task id to absolute
   *     paths, nearest dependencies last
   * @throws UncheckedIOException if a copy cannot be written
   */
  public static WorkspaceSeed plant(
      TaskWorkspace workspace, Map<String, List<Path>> dependencyOutputs) {
    Map<String, Path> originals = new LinkedHashMap<>();
    Map<String, String> owners = new LinkedHashMap<>();
    dependencyOutputs.forEach(
        (taskId, files) -> {
          for (Path file : files) {
            String path = relativePath(taskId, file);
            if (AgentFiles.contains(path)) {
              continue;
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
              log.warn("{} of {} is gone; not copying it into the workspace", file, taskId);
              continue;
            }
            Path target = workspace.resolve(path);
            try {
              Files.createDirectories(target.getParent());
              Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
              throw new UncheckedIOException("cannot copy " + file + " into " + target, e);
            }
            originals.put(path, file);
            owners.remove(path); // re-inserted last: the order follows the dependencies
            owners.put(path, taskId);
          }
        });
    Map<String, List<String>> filesByTask = new LinkedHashMap<>();
    dependencyOutputs.keySet().forEach(id -> filesByTask.put(id, new ArrayList<>()));
    owners.forEach((path, taskId) -> filesByTask.get(taskId).add(path));
    filesByTask.replaceAll((id, paths) -> List.copyOf(paths));
    return new WorkspaceSeed(workspace, originals, Collections.unmodifiableMap(filesByTask));
  }

  /**
   * For each dependency, in dependency order, the workspace-relative paths of its files that are in
   * the workspace (a file that a nearer dependency's file replaced is not listed).
   */
  public Map<String, List<String>> filesByTask() {
    return filesByTask;
  }

  /**
   * Deletes the copies that are still identical to their originals, and directories left empty. The
   * agent may have replaced a directory on the way with a link: a copy is only looked at when every
   * directory from the workspace root down to it is a real one, and links are never followed.
   *
   * @return how many copies were deleted
   */
  public int removeUnchanged() {
    int removed = 0;
    for (Map.Entry<String, Path> entry : originals.entrySet()) {
      Path copy = workspace.resolve(entry.getKey());
      try {
        if (SafeFiles.reachedWithoutLinks(workspace.root(), copy)
            && Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS)
            && identical(copy, entry.getValue())) {
          Files.delete(copy);
          removed++;
          deleteEmptyParents(copy);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove the unchanged copy " + copy, e);
      }
    }
    return removed;
  }

  private static boolean identical(Path copy, Path original) throws IOException {
    try (InputStream a = Files.newInputStream(copy, LinkOption.NOFOLLOW_LINKS);
        InputStream b = Files.newInputStream(original, LinkOption.NOFOLLOW_LINKS)) {
      byte[] x = new byte[8192];
      byte[] y = new byte[8192];
      while (true) {
        int n = a.readNBytes(x, 0, x.length);
        int m = b.readNBytes(y, 0, y.length);
        if (n != m || !Arrays.equals(x, 0, n, y, 0, m)) {
          return false;
        }
        if (n < x.length) {
          return true;
        }
      }
    }
  }

  private void deleteEmptyParents(Path file) throws IOException {
    for (Path dir = file.getParent(); !dir.equals(workspace.root()); dir = dir.getParent()) {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      try {
        Files.delete(dir);
      } catch (DirectoryNotEmptyException e) {
        return;
      }
    }
  }

  // The path below the dependency's raw directory executor_<k>/<task_id>/ (the output directory
  // contract); the file name alone when the file lies elsewhere.
  static String relativePath(String taskId, Path file) {
    for (Path dir = file.getParent();
        dir != null && dir.getParent() != null;
        dir = dir.getParent()) {
      Path parentName = dir.getParent().getFileName();
      if (dir.getFileName().toString().equals(taskId)
          && parentName != null
          && RunLayout.isExecutorName(parentName.toString())) {
        return dir.relativize(file).toString().replace('\\', '/');
      }
    }
    return file.getFileName().toString();
  }
}
