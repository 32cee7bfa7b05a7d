package dev.orchestrator.temporal;

import dev.orchestrator.AtomicFile;
import dev.orchestrator.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * {@code --artifact-dir}: a directory that the coordinator and every worker mount, holding bundles
 * by the SHA-256 of their bytes. Writing is idempotent (same content, same name) and atomic (a
 * temporary file moved into place), so workers may race to store the same bundle.
 */
final class ArtifactStore {

  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  private final Path root;

  /**
   * @throws ConfigurationException if the directory does not exist and cannot be made
   */
  ArtifactStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw new ConfigurationException(
          "--artifact-dir " + root + " cannot be created (" + e + "); give a writable directory");
    }
  }

  /** The store of {@code --artifact-dir}, or null without one (files then travel inline). */
  static ArtifactStore optional(Path root) {
    return root == null ? null : new ArtifactStore(root);
  }

  /** Stores a zip; the returned bundle carries only its hash. */
  Bundle store(String taskId, byte[] zip) {
    String hash = Bundles.sha256(zip);
    Path file = root.resolve(hash + ".zip");
    try {
      if (!Files.exists(file)) {
        AtomicFile.write(file, zip);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store a bundle in " + root, e);
    }
    return new Bundle(taskId, null, hash, zip.length);
  }

  /**
   * The bytes of a stored bundle, checked against its hash.
   *
   * @throws IllegalStateException if it is missing or damaged
   */
  byte[] load(Bundle bundle) {
    if (!HASH.matcher(bundle.sha256()).matches()) {
      throw new IllegalArgumentException("not a bundle hash: " + bundle.sha256());
    }
    Path file = root.resolve(bundle.sha256() + ".zip");
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (!Bundles.sha256(bytes).equals(bundle.sha256())) {
        throw new IllegalStateException(file + " does not match its hash; it was changed or torn");
      }
      return bytes;
    } catch (IOException e) {
      throw new IllegalStateException(
          "the files of "
              + bundle.taskId()
              + " are not in --artifact-dir "
              + root
              + " ("
              + e
              + "); every worker and the coordinator must mount the same directory",
          e);
    }
  }

  /**
   * The bytes of a bundle, from the payload or the store, checked against its hash: the one way the
   * coordinator and the workers take a bundle's bytes, so nothing unpacks bytes that were changed
   * on the way.
   *
   * @throws IllegalStateException if the bytes do not match the hash, or stored bytes are missing
   */
  static byte[] bytesOf(Bundle bundle, ArtifactStore store) {
    if (bundle.inline()) {
      if (!Bundles.sha256(bundle.zip()).equals(bundle.sha256())) {
        throw new IllegalStateException("the files of " + bundle.taskId() + " arrived damaged");
      }
      return bundle.zip();
    }
    if (store == null) {
      throw new ConfigurationException(
          "the files of "
              + bundle.taskId()
              + " were stored in an artifact directory, and this process has none; give it the"
              + " same --artifact-dir as the others");
    }
    return store.load(bundle);
  }
}
