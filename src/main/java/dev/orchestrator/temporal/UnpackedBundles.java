package dev.orchestrator.temporal;

import dev.orchestrator.output.DirectoryTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A worker's unpacked dependency files, one directory per bundle named by its hash: a task's files
 * are unpacked once per worker, however many dependents it has, and agents read them in place (as a
 * local run's agents read {@code executor_<k>/}). Thread-safe: concurrent attempts needing the same
 * bundle unpack it once.
 */
final class UnpackedBundles {

  private final Path root;
  private final ConcurrentHashMap<String, List<String>> files = new ConcurrentHashMap<>();

  UnpackedBundles(Path root) {
    this.root = root;
  }

  /** The absolute paths of a bundle's files, unpacking it on first use. */
  List<Path> files(Bundle bundle, ArtifactStore store) {
    // bytesOf checks the bytes against the hash before anything is written: a directory is named
    // by a real hash, never by a path a payload made up.
    Path directory = root.resolve(bundle.sha256());
    List<String> names =
        files.computeIfAbsent(
            bundle.sha256(), hash -> unpack(ArtifactStore.bytesOf(bundle, store), directory));
    return names.stream().map(directory::resolve).toList();
  }

  private static List<String> unpack(byte[] zip, Path directory) {
    try {
      Files.createDirectories(directory.getParent());
      DirectoryTree.delete(directory);
      Path partial = Files.createTempDirectory(directory.getParent(), "unpacking-");
      List<String> names = Bundles.unzip(zip, partial);
      Files.move(partial, directory, StandardCopyOption.ATOMIC_MOVE);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack dependency files into " + directory, e);
    }
  }
}
