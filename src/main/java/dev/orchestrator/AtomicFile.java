package dev.orchestrator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Replaces a file all at once: the new content goes to a temporary file beside it, which is flushed
 * to disk and then moved over the old one. A reader, or a run resumed after Ctrl-C, a halt or a
 * crash mid-write, sees the old file or the new one, never a truncated one. The run's plan,
 * summary, README and report are written this way.
 */
public final class AtomicFile {

  private AtomicFile() {}

  /** Replaces {@code file} with {@code text} in UTF-8. */
  public static void write(Path file, String text) throws IOException {
    write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Replaces {@code file} with {@code bytes}. A symbolic link at {@code file} is replaced, not
   * followed. The temporary file is created like any other file (the user's umask applies), not
   * owner-only as {@link Files#createTempFile} would make it.
   */
  public static void write(Path file, byte[] bytes) throws IOException {
    write(file, out -> out.write(bytes));
  }

  /** What goes into a file, written to a stream (so a large file need not be held in memory). */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** As {@link #write(Path, byte[])}, with the content streamed into the temporary file. */
  public static void write(Path file, Content content) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path temporary =
        absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel channel =
          FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        content.writeTo(out);
        out.flush(); // not closed here: closing the stream would close the channel before its force
        channel.force(true);
      }
      try {
        Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
