package dev.orchestrator.run;

import dev.orchestrator.RunLayout;
import dev.orchestrator.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The exclusive claim of one process on a run directory: {@code .orchestrator/lock}, locked by the
 * operating system for as long as the run (or resume) lasts and holding the holder's pid, host and
 * start time for the message a second process gets.
 *
 * <p>The operating system releases the lock when its holder dies, however it dies, so a lock file
 * left by a dead process is simply taken over. The file itself stays: deleting it on release would
 * let a waiting process lock a file that is no longer the one the next process locks.
 */
final class RunDirectoryLock implements AutoCloseable {

  static final String FILE = "lock";

  private final FileChannel channel;
  private final FileLock lock;

  private RunDirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks a run directory for this process.
   *
   * @throws UsageException if another process (or another run of this one) holds it, naming the
   *     holder; if the state directory is a link
   */
  static RunDirectoryLock acquire(Path runDirectory) {
    OutputDirectory.requireRealState(runDirectory);
    Path file = RunLayout.state(runDirectory).resolve(FILE);
    FileChannel channel = null;
    try {
      Files.createDirectories(file.getParent());
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by another run of this same process
      }
      if (lock == null) {
        String holder = holder(channel);
        channel.close();
        throw new UsageException(
            runDirectory
                + " is in use by another orchestrator ("
                + holder
                + "); one process at a time owns a run directory: wait for it to finish, stop it,"
                + " or choose another --output-dir");
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              ("pid "
                      + ProcessHandle.current().pid()
                      + " on "
                      + host()
                      + " since "
                      + Instant.now()
                      + "\n")
                  .getBytes(StandardCharsets.UTF_8)),
          0);
      channel.force(true);
      return new RunDirectoryLock(channel, lock);
    } catch (IOException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException closing) {
          e.addSuppressed(closing);
        }
      }
      throw new UncheckedIOException("cannot lock the run directory " + runDirectory, e);
    }
  }

  private static String holder(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(512);
    channel.read(buffer, 0);
    String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? "holder unknown" : text.replaceAll("\\p{Cntrl}", "?");
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "an unknown host";
    }
  }

  /** Releases the lock; the file stays (see the class comment). */
  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the run directory lock", e);
    }
  }
}
