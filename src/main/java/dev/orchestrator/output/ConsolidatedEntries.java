package dev.orchestrator.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The top-level entries of the output directory that consolidation wrote ({@code pom.xml}, {@code
 * src/}, {@code lib/}, ...), remembered in a file of the run state so that the next consolidation,
 * a new run or a resume in the same directory removes them, and never anything else. With a build
 * layout these names depend on the agents' files, so no fixed list can say them.
 */
public final class ConsolidatedEntries {

  /** The file listing the entries, one name a line, relative to the output directory. */
  static final String FILE = ".orchestrator/consolidated-entries.txt";

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
    Path list = root.resolve(FILE);
    try {
      if (!Files.isRegularFile(list, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      for (String name : Files.readAllLines(list)) {
        if (isPlainName(name) && !ProjectLayout.isRunEntry(name)) {
          deleteTree(root.resolve(name));
        }
      }
      Files.delete(list);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the consolidated project of " + root, e);
    }
  }

  /** Clears the earlier entries, then records the top-level entries of the given target paths. */
  static void replace(Path root, Collection<String> targets) {
    clear(root);
    Set<String> names = new TreeSet<>();
    targets.forEach(t -> names.add(t.contains("/") ? t.substring(0, t.indexOf('/')) : t));
    Path list = root.resolve(FILE);
    try {
      Files.createDirectories(list.getParent());
      Files.write(list, List.copyOf(names));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + list, e);
    }
  }

  private static boolean isPlainName(String name) {
    return !name.isEmpty()
        && !name.equals(".")
        && !name.equals("..")
        && name.indexOf('/') < 0
        && name.indexOf('\\') < 0
        && name.indexOf('\0') < 0;
  }

  /** Deletes a file or a directory tree; links are deleted, never followed. */
  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        path,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
