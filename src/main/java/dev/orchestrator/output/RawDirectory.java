package dev.orchestrator.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The raw output directory of one task, read defensively: the relative paths a result lists are
 * only followed when they stay inside the directory and name a regular file, never a link.
 */
final class RawDirectory {

  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

  private final Path root;
  private final Map<Path, Boolean> directories = new HashMap<>(); // checked: inside or not
  private Path realRoot; // resolved on the first link met

  RawDirectory(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The raw directory of a result; null when the task never started. */
  static RawDirectory of(Path outputDirectory, TaskResult result) {
    return result.rawDirectory() == null
        ? null
        : new RawDirectory(outputDirectory.resolve(result.rawDirectory()));
  }

  /**
   * Why the listed file cannot be read, or empty when {@link #resolve} may be called.
   *
   * @param path a path relative to the directory, {@code /}-separated
   */
  Optional<String> refusal(String path) {
    if (path.isEmpty()
        || path.startsWith("/")
        || DRIVE.matcher(path).matches()
        || path.indexOf('\\') >= 0
        || path.indexOf('\0') >= 0) {
      return Optional.of("not a relative /-separated path");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return Optional.of("the path has an empty, \".\" or \"..\" segment");
      }
    }
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of("missing, or not a regular file");
    }
    try {
      // A linked directory on the way would lead outside.
      if (!reachedInside(file.getParent())) {
        return Optional.of("reached through a symbolic link that leaves the raw directory");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + file, e);
    }
    return Optional.empty();
  }

  /**
   * Whether a directory at or below the root lies inside the root's real location: each directory
   * is checked once (one stat, a real path only for a link), not each file's real path, which read
   * every level from {@code /} down.
   */
  private boolean reachedInside(Path dir) throws IOException {
    if (dir.equals(root)) {
      return true;
    }
    Boolean known = directories.get(dir);
    if (known == null) {
      known = reachedInside(dir.getParent()) && inside(dir);
      directories.put(dir, known);
    }
    return known;
  }

  // Below a directory inside the root: a real directory is inside; a link, where it leads.
  private boolean inside(Path dir) throws IOException {
    BasicFileAttributes attributes =
        Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!attributes.isSymbolicLink()) {
      return attributes.isDirectory();
    }
    if (realRoot == null) {
      realRoot = root.toRealPath();
    }
    return dir.toRealPath().startsWith(realRoot);
  }

  /** The absolute file of a path that {@link #refusal} accepted. */
  Path resolve(String path) {
    return root.resolve(path).normalize();
  }
}
