package dev.orchestrator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every entry below a directory with what it holds (a file's SHA-256, a link's target, "dir"), to
 * show that a run left a directory beside its output untouched: equal snapshots before and after.
 */
public record DirectorySnapshot(Map<String, String> entries) {

  public static DirectorySnapshot of(Path root) {
    Map<String, String> entries = new TreeMap<>();
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return new DirectorySnapshot(entries);
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.forEach(path -> entries.put(root.relativize(path).toString(), content(path)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DirectorySnapshot(entries);
  }

  private static String content(Path path) {
    try {
      if (Files.isSymbolicLink(path)) {
        return "link " + Files.readSymbolicLink(path);
      }
      if (Files.isDirectory(path)) {
        return "dir";
      }
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
