package dev.orchestrator.output;

import dev.orchestrator.RunLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files consolidation wrote and the task each came from, remembered in a file of the run state:
 * the next consolidation, a new run or a resume in the same directory removes their top-level
 * entries ({@code pom.xml}, {@code src/}, {@code lib/}, ...) and never anything else, and the
 * verify step knows which task owns a file. With a build layout the names depend on the agents'
 * files, so no fixed list can say them.
 */
public final class ConsolidatedEntries {

  private ConsolidatedEntries() {}

  /**
   * Deletes the entries an earlier consolidation recorded and forgets them. Names that are not a
   * single plain segment, or that the run itself writes, are ignored: the file is only ever trusted
   * to name what consolidation may replace.
   *
   * @throws UncheckedIOException if an entry cannot be deleted
   */
  public static void clear(Path outputDirectory) {
    Path root = outputDirectory.toAbsolutePath().normalize();
    Path list = RunLayout.consolidatedFiles(root);
    try {
      if (!Files.isRegularFile(list, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      for (String name : topLevelNames(read(list).keySet())) {
        if (isProjectEntry(name)) {
          DirectoryTree.delete(root.resolve(name));
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

  /** Clears the earlier entries, then records the given files. */
  static void replace(Path root, Collection<Placement> files) {
    clear(root);
    List<String> lines = new ArrayList<>();
    files.forEach(p -> lines.add(p.target() + "\t" + p.taskId()));
    Path list = RunLayout.consolidatedFiles(root);
    try {
      Files.createDirectories(list.getParent());
      Files.write(list, lines);
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

  private static Set<String> topLevelNames(Collection<String> paths) {
    Set<String> names = new TreeSet<>();
    paths.forEach(t -> names.add(t.contains("/") ? t.substring(0, t.indexOf('/')) : t));
    return names;
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
