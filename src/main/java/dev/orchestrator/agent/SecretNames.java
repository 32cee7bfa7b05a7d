package dev.orchestrator.agent;

import dev.orchestrator.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes what an agent wrote under a name that holds a secret's value. Such a name cannot be kept:
 * masked in the journal and the log but not on disk, the journal's record of the output no longer
 * matched the files, so {@code resume} ran the completed task again, and the key stood in plain
 * text in the project tree and in {@code consolidated-files.tsv}.
 */
final class SecretNames {

  private SecretNames() {}

  /**
   * Deletes every entry under {@code root} whose path below it holds a secret (links themselves,
   * never what they point to), deepest first.
   *
   * @return the regular files removed, as masked paths relative to {@code root}, sorted
   */
  static List<String> remove(Path root, Secrets secrets) {
    if (secrets.isEmpty()) {
      return List.of();
    }
    List<Path> holding;
    try (Stream<Path> walk = Files.walk(root)) {
      holding =
          walk.filter(p -> !p.equals(root))
              .filter(p -> holds(secrets, root.relativize(p).toString()))
              .sorted(Comparator.reverseOrder()) // a directory's entries before the directory
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the workspace " + root, e);
    }
    List<String> removed =
        holding.stream()
            .filter(Files::isRegularFile)
            .map(p -> secrets.mask(root.relativize(p).toString().replace('\\', '/')))
            .sorted()
            .toList();
    for (Path p : holding) {
      try {
        Files.delete(p);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot remove " + secrets.mask(root.relativize(p).toString()), e);
      }
    }
    return removed;
  }

  private static boolean holds(Secrets secrets, String text) {
    return !secrets.mask(text).equals(text);
  }
}
