package dev.orchestrator.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[8192];
      for (int read; (read = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, read);
      }
      return Optional.of(HexFormat.of().formatHex(digest.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hash " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
