package dev.orchestrator.run;

import dev.orchestrator.FileScan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SHA-256 manifests of a task's output, to tell on resume whether it is still intact. */
final class FileHashes {

  private FileHashes() {}

  /** Relative path to SHA-256 hex for each of the files below {@code root}. */
  static Map<String, String> of(Path root, List<String> files) {
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String file : files) {
      hashes.put(file, sha256(root.resolve(file)).orElseThrow());
    }
    return hashes;
  }

  /**
   * Relative path to SHA-256 hex for each file of a scan, opened without a further stat and without
   * following a link (the scan found a regular file there).
   */
  static Map<String, String> of(FileScan scan) {
    Map<String, String> hashes = new LinkedHashMap<>();
    for (FileScan.Entry file : scan.files()) {
      hashes.put(file.path(), sha256(scan.resolve(file), LinkOption.NOFOLLOW_LINKS));
    }
    return hashes;
  }

  /** Whether every file of the manifest exists below {@code root} with the recorded hash. */
  static boolean intact(Path root, Map<String, String> manifest) {
    if (!Files.isDirectory(root)) {
      return false;
    }
    for (Map.Entry<String, String> entry : manifest.entrySet()) {
      Optional<String> actual = sha256(root.resolve(entry.getKey()));
      if (actual.isEmpty() || !actual.get().equals(entry.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static Optional<String> sha256(Path file) {
    return Files.isRegularFile(file)
        ? Optional.of(sha256(file, new OpenOption[0]))
        : Optional.empty();
  }

  private static String sha256(Path file, OpenOption... options) {
    try (InputStream in = Files.newInputStream(file, options)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[8192];
      for (int read; (read = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hash " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
