package dev.orchestrator;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The secret values a run knows of (provider keys, tokens and passwords from the environment and
 * the config file) and the one way to keep them out of what it writes or prints: {@link #mask}.
 * Wherever text leaves the process (console, log, journal, summary, README, report, agent logs) it
 * goes through here, whatever produced it: an agent may print a key it was given.
 *
 * <p>Values shorter than {@value #SHORTEST} characters are not treated as secrets: masking them
 * would garble ordinary text. Immutable and thread-safe.
 */
public final class Secrets {

  /** What a secret is replaced with. */
  public static final String MASK = "[secret]";

  /** Shortest value taken for a secret. */
  public static final int SHORTEST = 8;

  /**
   * Largest file {@link #scrub} rewrites; larger files are left to the size caps that refuse them.
   */
  static final long LARGEST_SCRUBBED = 64L << 20;

  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i)(.*_)?(API_?KEY|KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?)(_.*)?|.*_(ACCESS|PRIVATE)_KEY.*");

  private static final Secrets NONE = new Secrets(List.of());

  private final List<String> values;

  private Secrets(List<String> values) {
    this.values = values;
  }

  /** No secrets: {@link #mask} returns its argument. */
  public static Secrets none() {
    return NONE;
  }

  /** These values (blank and short ones are ignored). */
  public static Secrets of(Collection<String> values) {
    return new Secrets(
        values.stream()
            .map(String::strip)
            .filter(v -> v.length() >= SHORTEST)
            .distinct()
            // The longest first, so a key that contains another is masked whole.
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList());
  }

  /**
   * The values of the environment variables whose names say they hold a secret ({@link
   * #isSecretName}), and {@code more} (keys read from a config file).
   */
  public static Secrets of(Map<String, String> environment, Collection<String> more) {
    return of(
        Stream.concat(
                environment.entrySet().stream()
                    .filter(e -> isSecretName(e.getKey()))
                    .map(Map.Entry::getValue),
                more.stream())
            .toList());
  }

  /**
   * Whether an environment variable's name says it holds a secret: {@code ANTHROPIC_API_KEY},
   * {@code GITHUB_TOKEN}, {@code DB_PASSWORD}, {@code AWS_SECRET_ACCESS_KEY}, ...
   */
  public static boolean isSecretName(String name) {
    return SECRET_NAME.matcher(name).matches();
  }

  /** The text with every known secret replaced by {@value #MASK}. */
  public String mask(String text) {
    if (text == null || values.isEmpty()) {
      return text;
    }
    String masked = text;
    for (String value : values) {
      if (masked.contains(value)) {
        masked = masked.replace(value, MASK);
      }
    }
    return masked;
  }

  /** Whether there is nothing to mask. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /**
   * Rewrites a file with its secrets masked, when it holds any. Works on bytes (a secret's UTF-8
   * form is searched in the file read as ISO-8859-1), so a file that is not UTF-8 text keeps its
   * other bytes. Files over 64 MiB, links and missing files are left alone; a file is never changed
   * in place (see {@link SafeFiles#replace}).
   */
  public void scrub(Path file) {
    if (values.isEmpty() || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      if (Files.size(file) > LARGEST_SCRUBBED) {
        return;
      }
      String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      String masked = bytes;
      for (String value : values) {
        String raw =
            new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        masked = masked.replace(raw, MASK);
      }
      if (!masked.equals(bytes)) {
        // A new file renamed over the old one: the agent may have made this name a hard link to a
        // file outside, which must keep its content.
        SafeFiles.replace(file, masked.getBytes(StandardCharsets.ISO_8859_1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot mask secrets in " + file, e);
    }
  }

  /** {@link #scrub} for every regular file below a directory (links are not followed). */
  public void scrubTree(Path directory) {
    if (values.isEmpty() || !Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.forEach(this::scrub);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot mask secrets below " + directory, e);
    }
  }

  /**
   * A writer that masks what passes through it. It holds text back until a line ends or it is
   * flushed, so a secret written in pieces within one line is still caught.
   */
  public Writer masking(Writer out) {
    return new Writer() {
      @GuardedBy("lock")
      private final StringBuilder pending = new StringBuilder();

      @Override
      public void write(char[] buffer, int offset, int length) throws IOException {
        synchronized (lock) {
          pending.append(buffer, offset, length);
          int end = pending.lastIndexOf("\n");
          if (end >= 0) {
            out.write(mask(pending.substring(0, end + 1)));
            pending.delete(0, end + 1);
          }
        }
      }

      @Override
      public void flush() throws IOException {
        synchronized (lock) {
          out.write(mask(pending.toString()));
          pending.setLength(0);
          out.flush();
        }
      }

      @Override
      public void close() throws IOException {
        flush();
        out.close();
      }
    };
  }
}
