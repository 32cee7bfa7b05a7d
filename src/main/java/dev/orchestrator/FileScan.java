package dev.orchestrator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The regular files below a directory, read in one walk that follows no symbolic link: each file's
 * path, apparent size and number of names (hard links). One scan of an attempt's directory serves
 * its size caps, its hard-link check, its manifest and its hashes, where the caps, the manifest and
 * the hard-link check each walked it before (three walks per attempt).
 *
 * <p>A listed file was reached through real directories only, at the time of the scan; a link (to a
 * file or to a directory) is neither listed nor entered.
 *
 * @param root the directory scanned, absolute and normalised
 * @param files sorted by path
 */
public record FileScan(Path root, List<Entry> files) {

  /**
   * One regular file.
   *
   * @param path relative to the root, {@code /}-separated
   * @param size apparent size in bytes
   * @param names how many names (hard links) the file has; 1 where the file system cannot tell
   */
  public record Entry(String path, long size, int names) {}

  private static final String ATTRIBUTES = "unix:isRegularFile,isDirectory,size,nlink";

  public FileScan {
    files = List.copyOf(files);
  }

  /**
   * Scans {@code directory}; a directory that does not exist (or is a link) has no files.
   *
   * @throws UncheckedIOException if a directory cannot be read
   */
  public static FileScan of(Path directory) {
    Path root = directory.toAbsolutePath().normalize();
    List<Entry> files = new ArrayList<>();
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      return new FileScan(root, files);
    }
    Deque<Path> pending = new ArrayDeque<>(List.of(root));
    try {
      while (!pending.isEmpty()) {
        Path dir = pending.pop();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
          for (Path entry : entries) {
            visit(root, entry, files, pending);
          }
        } catch (NoSuchFileException e) {
          // removed meanwhile: nothing below it to list
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    files.sort(Comparator.comparing(Entry::path));
    return new FileScan(root, files);
  }

  // One stat per entry, not following a final link, tells its kind, size and names at once.
  private static void visit(Path root, Path entry, List<Entry> files, Deque<Path> pending)
      throws IOException {
    Map<String, Object> attributes;
    try {
      attributes = Files.readAttributes(entry, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return; // removed meanwhile
    } catch (UnsupportedOperationException e) {
      attributes = basic(entry); // no unix view (Windows): hard links are not counted there
    }
    if (Boolean.TRUE.equals(attributes.get("isDirectory"))) {
      pending.push(entry);
    } else if (Boolean.TRUE.equals(attributes.get("isRegularFile"))) {
      Object names = attributes.get("nlink");
      files.add(
          new Entry(
              root.relativize(entry).toString().replace('\\', '/'),
              (Long) attributes.get("size"),
              names == null ? 1 : ((Number) names).intValue()));
    }
  }

  private static Map<String, Object> basic(Path entry) throws IOException {
    return Files.readAttributes(
        entry, "basic:isRegularFile,isDirectory,size", LinkOption.NOFOLLOW_LINKS);
  }

  /** The files' relative paths, sorted. */
  public List<String> paths() {
    return files.stream().map(Entry::path).toList();
  }

  /** The absolute path of a listed file. */
  public Path resolve(Entry file) {
    return root.resolve(file.path());
  }
}
