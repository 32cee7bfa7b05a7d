package dev.orchestrator.output.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.orchestrator.RunLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The start of a task's patch, {@code executor_<k>/<task>.patch}, as much of it as the report's
 * limits let in: a patch can be huge, so the page holds at most a number of bytes per task and in
 * all, cut at a line's end. Its bytes are untrusted text, decoded as UTF-8 with malformed bytes
 * replaced; the page escapes it like any other text.
 *
 * @param file the patch, relative to the run directory, {@code /}-separated
 * @param text the lines shown; empty when none is
 * @param size bytes of the whole patch; -1 when there is no patch to read
 * @param shown bytes of it in {@code text}
 * @param limit why the rest is not shown (the per-task or the report's limit); null when all is
 */
record PatchExcerpt(String file, String text, long size, long shown, String limit) {

  /** Whether there is a patch to read. */
  boolean exists() {
    return size >= 0;
  }

  /** Whether some of the patch is left out. */
  boolean cut() {
    return shown < size;
  }

  /**
   * Reads the patches of one report, in the order they are shown: each takes at most {@code
   * perTask} bytes of what is left of {@code total}.
   */
  static final class Reader {

    /** 64 KiB of each task's patch, 1 MiB in all: a page a browser opens quickly. */
    static final int PER_TASK = 64 * 1024;

    static final int TOTAL = 1024 * 1024;

    private final Path runDirectory;
    private final int perTask;
    private final int total;
    private int left;

    Reader(Path runDirectory, int perTask, int total) {
      this.runDirectory = runDirectory;
      this.perTask = perTask;
      this.total = total;
      this.left = total;
    }

    Reader(Path runDirectory) {
      this(runDirectory, PER_TASK, TOTAL);
    }

    /**
     * The patch executor {@code executor} wrote for {@code task}; of size -1 when there is none.
     *
     * @throws UncheckedIOException if it exists but cannot be read
     */
    PatchExcerpt read(int executor, String task) {
      String name = "executor_" + executor + "/" + task + ".patch";
      Path file = RunLayout.executor(runDirectory, executor).resolve(task + ".patch");
      // A task id is a plain name (PlanValidator), but the summary is a file anyone may edit.
      if (!file.normalize().startsWith(runDirectory.normalize())
          || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        return new PatchExcerpt(name, "", -1, 0, null);
      }
      try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
        long size = Files.size(file);
        int allowed = Math.min(perTask, left);
        byte[] bytes = in.readNBytes(allowed);
        int end = bytes.length;
        String limit = null;
        if (end < size) {
          end = lastLineEnd(bytes);
          limit =
              allowed < perTask
                  ? "the report shows at most " + Figures.bytes(total) + " of patches in all"
                  : "the report shows at most " + Figures.bytes(perTask) + " of a task's patch";
        }
        left -= end;
        return new PatchExcerpt(name, new String(bytes, 0, end, UTF_8), size, end, limit);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }

    // After the last newline: a cut never splits a line, nor a character's UTF-8 bytes.
    private static int lastLineEnd(byte[] bytes) {
      for (int i = bytes.length - 1; i >= 0; i--) {
        if (bytes[i] == '\n') {
          return i + 1;
        }
      }
      return 0;
    }
  }
}
