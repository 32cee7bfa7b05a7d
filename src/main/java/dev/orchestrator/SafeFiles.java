package dev.orchestrator;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The orchestrator's own file operations on directories an agent or a user may have prepared: they
 * never follow a link out, and never change a file in place that may have other names (a hard link
 * to a file outside). Agents may leave symbolic links and hard links behind; these operations are
 * what keeps them from turning a clean-up, a scrub or a copy against a file outside the run.
 */
public final class SafeFiles {

  private SafeFiles() {}

  /**
   * Whether {@code path} lies below {@code root} with every directory on the way, from {@code root}
   * down to its parent, a real directory (not a symbolic link). The path itself is not checked.
   */
  public static boolean reachedWithoutLinks(Path root, Path path) {
    Path base = root.toAbsolutePath().normalize();
    Path target = path.toAbsolutePath().normalize();
    if (!target.startsWith(base) || target.equals(base)) {
      return false;
    }
    for (Path dir = target.getParent(); dir.startsWith(base); dir = dir.getParent()) {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
      if (dir.equals(base)) {
        break;
      }
    }
    return true;
  }

  /**
   * Replaces (or creates) a file by writing a new file beside it, with the old one's permissions,
   * and renaming it over the old one: another name of the old file (a hard link) keeps the old
   * content, and a reader never sees half a file.
   */
  public static void replace(Path file, byte[] content) throws IOException {
    Path fresh = Files.createTempFile(file.getParent(), ".orchestrator-", ".tmp");
    try {
      Files.write(fresh, content);
      copyPermissions(file, fresh);
      Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(fresh);
    }
  }

  /**
   * Gives every regular file below {@code directory} that has other names (hard links, possibly to
   * a file outside) a copy of its own, so nothing done to it later reaches the other names.
   * Symbolic links are not followed.
   *
   * @return how many files were detached
   */
  public static int detachHardLinks(Path directory) throws IOException {
    return detachHardLinks(FileScan.of(directory));
  }

  /**
   * {@link #detachHardLinks(Path)} for the files of a scan that had other names when it was taken.
   *
   * @return how many files were detached
   */
  public static int detachHardLinks(FileScan scan) throws IOException {
    List<FileScan.Entry> linked = scan.files().stream().filter(f -> f.names() > 1).toList();
    for (FileScan.Entry entry : linked) {
      Path file = scan.resolve(entry);
      Path fresh = Files.createTempFile(file.getParent(), ".orchestrator-", ".tmp");
      try {
        Files.copy(
            file,
            fresh,
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.COPY_ATTRIBUTES,
            LinkOption.NOFOLLOW_LINKS);
        Files.move(
            fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(fresh);
      }
    }
    return linked.size();
  }

  /**
   * Deletes a regular file below {@code root} that is reached without links (see {@link
   * #reachedWithoutLinks}), then its parent directories that this leaves empty, up to {@code root}.
   * A link, a directory or a file reached through a link is left alone.
   *
   * @return whether the file was deleted
   */
  public static boolean deleteFile(Path root, Path file) throws IOException {
    Path base = root.toAbsolutePath().normalize();
    Path target = file.toAbsolutePath().normalize();
    if (!reachedWithoutLinks(base, target)
        || !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    Files.delete(target);
    for (Path dir = target.getParent(); !dir.equals(base); dir = dir.getParent()) {
      try {
        Files.delete(dir);
      } catch (DirectoryNotEmptyException e) {
        break;
      }
    }
    return true;
  }

  private static void copyPermissions(Path from, Path to) throws IOException {
    if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.setPosixFilePermissions(
          to, Files.getPosixFilePermissions(from, LinkOption.NOFOLLOW_LINKS));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the new file has the default permissions
    }
  }
}
