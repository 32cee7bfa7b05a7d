package dev.orchestrator.temporal;

import dev.orchestrator.agent.TaskWorkspace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Packs a directory's files into a zip and unpacks one, and enforces the payload limit. The same
 * files always make the same bytes (sorted entries, no timestamps), so a bundle's hash names its
 * content.
 */
final class Bundles {

  /**
   * The zip bytes that fill a whole payload of {@link RunChain#PAYLOAD_LIMIT_BYTES}: the JSON that
   * carries them encodes them in base64, 4 characters for every 3 bytes.
   */
  private static final long BASE64_CAPACITY_BYTES = RunChain.PAYLOAD_LIMIT_BYTES / 4 * 3;

  /**
   * Room kept in a payload for what travels beside the zip bytes: task ids, hashes, attempt records
   * and the JSON around them.
   */
  private static final long BESIDE_ZIP_BYTES = 64 * 1024;

  /**
   * The most zip bytes one payload may carry: the base64 capacity less the room beside the zip,
   * rounded down to the 100 kB that users are told (1,500,000 bytes for Temporal's 2 MB).
   */
  static final long PAYLOAD_LIMIT_BYTES =
      (BASE64_CAPACITY_BYTES - BESIDE_ZIP_BYTES) / 100_000 * 100_000;

  private Bundles() {}

  /** The zip of {@code files} (relative, {@code /}-separated) below {@code directory}. */
  static byte[] zip(Path directory, List<String> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String file : new TreeSet<>(files)) {
        ZipEntry entry = new ZipEntry(file);
        entry.setTime(0);
        zip.putNextEntry(entry);
        zip.write(Files.readAllBytes(directory.resolve(file)));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pack the files of " + directory, e);
    }
    return bytes.toByteArray();
  }

  /**
   * Unpacks a zip into {@code directory}, creating it.
   *
   * @return the unpacked files, relative, sorted
   * @throws IllegalArgumentException if an entry would land outside the directory, or the bundle
   *     unpacks to more than a worker keeps of a task ({@link TaskWorkspace}'s caps per file, in
   *     bytes and in files): a zip bomb is refused as it is read, not held in memory
   */
  static List<String> unzip(byte[] zipBytes, Path directory) {
    Path root = directory.toAbsolutePath().normalize();
    List<String> files = new ArrayList<>();
    long total = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
      Files.createDirectories(root);
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        if (entry.isDirectory()) {
          continue;
        }
        Path target = root.resolve(entry.getName()).normalize();
        if (entry.getName().startsWith("/") || !target.startsWith(root) || target.equals(root)) {
          throw new IllegalArgumentException(
              "a bundle entry " + entry.getName() + " points outside " + root + "; refused");
        }
        // The sizes in the entry headers are the sender's word: what is read is counted.
        byte[] content = zip.readNBytes((int) TaskWorkspace.DEFAULT_MAX_FILE_BYTES + 1);
        if (content.length > TaskWorkspace.DEFAULT_MAX_FILE_BYTES) {
          throw new IllegalArgumentException(
              "a bundle entry "
                  + entry.getName()
                  + " unpacks to over the limit of "
                  + TaskWorkspace.DEFAULT_MAX_FILE_BYTES
                  + " bytes per file that workers keep; refused");
        }
        total += content.length;
        if (total > TaskWorkspace.MAX_TASK_BYTES || files.size() >= TaskWorkspace.MAX_TASK_FILES) {
          throw new IllegalArgumentException(
              "a bundle unpacks to over the limit of "
                  + TaskWorkspace.MAX_TASK_BYTES
                  + " bytes or "
                  + TaskWorkspace.MAX_TASK_FILES
                  + " files per task that workers keep; refused");
        }
        Files.createDirectories(target.getParent());
        Files.write(target, content);
        files.add(root.relativize(target).toString().replace('\\', '/'));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack a bundle into " + root, e);
    }
    files.sort(null);
    return files;
  }

  /** A task's zipped files: into the artifact store when there is one, else inline. */
  static Bundle of(String taskId, byte[] zip, ArtifactStore store) {
    return store != null
        ? store.store(taskId, zip)
        : new Bundle(taskId, zip, sha256(zip), zip.length);
  }

  /** Hex SHA-256 of bytes. */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The refusal of a payload over the limit; names the way out. */
  static String overLimit(String what, long bytes) {
    return what
        + " "
        + bytes
        + " bytes zipped, more than the "
        + PAYLOAD_LIMIT_BYTES
        + " a Temporal payload can carry; give the coordinator and every worker --artifact-dir"
        + " DIR, a directory they all mount, so that files travel through it instead";
  }
}
