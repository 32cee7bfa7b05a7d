package dev.orchestrator.output;

import dev.orchestrator.RunLayout;
import dev.orchestrator.SafeFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files consolidation wrote and the task each came from, remembered in a file of the run state:
 * the next consolidation, a new run or a resume in the same directory removes exactly these files
 * (and the directories that leaves empty) and never anything else, so a file of the user's beside
 * or among them stays; and the verify step knows which task owns a file. With a build layout the
 * names depend on the agents' files, so no fixed list can say them.
 */
public final class ConsolidatedEntries {

  private ConsolidatedEntries() {}

  /**
   * Deletes the files an earlier consolidation recorded, and the directories that leaves empty, and
   * forgets them. Only a regular file reached without links, below a top-level entry of the project
   * ({@link #isProjectEntry}), is deleted: the list is only ever trusted to name files the run
   * wrote, and a directory is never removed with what else it holds.
   *
   * @throws UncheckedIOException if a file cannot be deleted
   */
  public static void clear(Path outputDirectory) {
    Path root = outputDirectory.toAbsolutePath().normalize();
    Path list = RunLayout.consolidatedFiles(root);
    try {
      if (!Files.isRegularFile(list, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      for (String path : read(list).keySet()) {
        if (isProjectPath(path)) {
          SafeFiles.deleteFile(root, root.resolve(path));
        }
      }
      Files.delete(list);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the consolidated project of " + root, e);
    }
  }

  /**
   * Whether a top-level entry of the output directory belongs to the consolidated project, which is
   * everything there except what the run itself writes ({@code .orchestrator/}, {@code
   * executor_<k>/}, the plan, summary, log and report).
   */
  public static boolean isProjectEntry(String name) {
    return isPlainName(name) && !ProjectLayout.isRunEntry(name);
  }

  /**
   * The consolidated files of the output directory, path to the task it came from; empty when no
   * consolidation recorded them.
   *
   * @throws UncheckedIOException if the list cannot be read
   */
  public static Map<String, String> owners(Path outputDirectory) {
    Path list = RunLayout.consolidatedFiles(outputDirectory.toAbsolutePath().normalize());
    try {
      return Files.isRegularFile(list, LinkOption.NOFOLLOW_LINKS) ? read(list) : Map.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + list, e);
    }
  }

  /** Records the files a consolidation writes, before it writes them. */
  static void record(Path root, Collection<Placement> files) {
    StringBuilder lines = new StringBuilder();
    files.forEach(p -> lines.append(p.target()).append('\t').append(p.taskId()).append('\n'));
    Path list = RunLayout.consolidatedFiles(root);
    try {
      Files.createDirectories(list.getParent());
      SafeFiles.replace(list, lines.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + list, e);
    }
  }

  private static Map<String, String> read(Path list) throws IOException {
    Map<String, String> owners = new LinkedHashMap<>();
    for (String line : Files.readAllLines(list)) {
      int tab = line.lastIndexOf('\t');
      if (tab > 0) {
        owners.put(line.substring(0, tab), line.substring(tab + 1));
      }
    }
    return owners;
  }

  private static boolean isProjectPath(String path) {
    String[] segments = path.split("/", -1);
    return isProjectEntry(segments[0])
        && Arrays.stream(segments).allMatch(ConsolidatedEntries::isPlainName);
  }

  private static boolean isPlainName(String name) {
    return !name.isEmpty()
        && !name.equals(".")
        && !name.equals("..")
        && name.indexOf('/') < 0
        && name.indexOf('\\') < 0
        && name.indexOf('\0') < 0;
  }
}
