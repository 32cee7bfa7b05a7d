package dev.orchestrator.planner.repository;

import dev.orchestrator.SafeFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Reads files of a work tree for the map, within bounds: at most a given number of bytes of a
 * regular file whose real path lies inside the work tree and outside its {@code .git}. A link that
 * stays inside is followed; one that leads out is not. Paths come from the caller's list of tracked
 * files and are checked before anything is opened. Thread-safe.
 */
final class RepositoryFiles {

  /** What reading a file gave: its text, or why there is none. */
  record Text(String text, boolean cut, String refusal) {
    static Text refused(String why) {
      return new Text(null, false, why);
    }

    boolean read() {
      return text != null;
    }
  }

  private final Path root;
  private final Path realRoot;

  /**
   * @throws IOException if the root cannot be resolved
   */
  RepositoryFiles(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.realRoot = this.root.toRealPath();
  }

  /**
   * Whether a path from the tracked list is one the map may name: relative, with '/' separators, no
   * empty, '.' or '..' segment, no control character, and not under {@code .git}.
   */
  static boolean isUsable(String path) {
    if (path == null
        || path.isEmpty()
        || path.startsWith("/")
        || path.indexOf('\\') >= 0
        || path.chars().anyMatch(Character::isISOControl)) {
      return false;
    }
    return Arrays.stream(path.split("/", -1))
        .noneMatch(s -> s.isEmpty() || s.equals(".") || s.equals("..") || isGitDirectory(s));
  }

  /** {@code .git} in any case: case-insensitive file systems read {@code .GIT} as the same. */
  static boolean isGitDirectory(String segment) {
    return segment.toLowerCase(Locale.ROOT).equals(".git");
  }

  /**
   * The size in bytes of a regular file at the path, without following a link on the way; null when
   * the path is or passes through a link, is a directory, missing, or unreadable.
   */
  Long size(String path) {
    if (!SafeFiles.reachedWithoutLinks(root, root.resolve(path))) {
      return null;
    }
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(
              root.resolve(path), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return attributes.isRegularFile() ? attributes.size() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * At most {@code maxBytes} of the file as text: UTF-8 with malformed bytes replaced, control
   * characters other than line breaks and tabs dropped. A file with a NUL byte in what is read is
   * binary and refused.
   */
  Text read(String path, int maxBytes) {
    if (!isUsable(path)) {
      return Text.refused("not a path inside the repository");
    }
    Path real;
    try {
      real = root.resolve(path).toRealPath();
    } catch (IOException e) {
      return Text.refused("missing from the work tree");
    }
    if (!real.startsWith(realRoot)) {
      return Text.refused("a link that leads out of the repository; not read");
    }
    if (realRoot.relativize(real).toString().isEmpty()
        || isGitDirectory(realRoot.relativize(real).getName(0).toString())) {
      return Text.refused("a link into .git; not read");
    }
    if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
      return Text.refused("not a regular file");
    }
    byte[] bytes;
    boolean cut;
    // O_NOFOLLOW on the real path: the file cannot be swapped for a link between check and open.
    try (SeekableByteChannel channel =
            Files.newByteChannel(real, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        InputStream in = Channels.newInputStream(channel)) {
      bytes = in.readNBytes(maxBytes + 1);
      cut = bytes.length > maxBytes;
      if (cut) {
        bytes = Arrays.copyOf(bytes, maxBytes);
      }
    } catch (IOException e) {
      return Text.refused("unreadable: " + e.getMessage());
    }
    for (byte b : bytes) {
      if (b == 0) {
        return Text.refused("binary, not text; not shown");
      }
    }
    return new Text(clean(decode(bytes)), cut, null);
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder reported an error", e);
    }
  }

  // Escapes and other control characters could drive a terminal that shows the prompt.
  private static String clean(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    text.replace("\r\n", "\n")
        .codePoints()
        .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
        .forEach(clean::appendCodePoint);
    return clean.toString();
  }
}
