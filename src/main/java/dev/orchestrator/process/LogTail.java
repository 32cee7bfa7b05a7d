package dev.orchestrator.process;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The end of a log file that may be as large as the disk allows: only its last bytes are read. Each
 * caller decides how to show what came before.
 *
 * @param text the last bytes, decoded as UTF-8 (a character cut at the start shows as U+FFFD)
 * @param skippedBytes how many bytes of the file came before {@code text}
 */
public record LogTail(String text, long skippedBytes) {

  /**
   * Reads the last {@code maxBytes} of a file.
   *
   * @return the tail; empty text and nothing skipped when the file does not exist
   * @throws UncheckedIOException if the file exists but cannot be read
   */
  public static LogTail read(Path file, int maxBytes) {
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      long size = channel.size();
      int length = (int) Math.min(size, maxBytes);
      ByteBuffer buffer = ByteBuffer.allocate(length);
      channel.position(size - length);
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // read until full, or until the end of a file that shrank meanwhile
      }
      return new LogTail(new String(buffer.array(), 0, buffer.position(), UTF_8), size - length);
    } catch (NoSuchFileException e) {
      return new LogTail("", 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
