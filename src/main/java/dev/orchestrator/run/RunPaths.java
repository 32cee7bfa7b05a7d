package dev.orchestrator.run;

import dev.orchestrator.RunLayout;
import dev.orchestrator.UsageException;
import dev.orchestrator.plan.PlanValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The paths inside a run directory that are made of outside data (task ids from a plan, paths from
 * the journal), each checked to lie inside the run directory before anything reads, writes or
 * deletes it. A path that would leave it is refused, whatever its origin.
 */
final class RunPaths {

  private RunPaths() {}

  /**
   * {@code executor_<k>/<task_id>} of a run.
   *
   * @throws UsageException if the id is not a token (see {@link PlanValidator#isValidId})
   */
  static Path rawDirectory(Path root, int executor, String taskId) {
    requireToken(taskId);
    return inside(root, RunLayout.executor(root, executor).resolve(taskId));
  }

  /** {@code .orchestrator/attempts/<task_id>-<n>}, where one attempt writes before it is placed. */
  static Path attemptDirectory(Path root, String taskId, int number) {
    requireToken(taskId);
    return inside(root, RunLayout.attempts(root).resolve(taskId + "-" + number));
  }

  /**
   * The raw directory a journal record names, relative to the run: exactly {@code
   * executor_<k>/<task_id>} of the task the record is about.
   *
   * @throws UsageException if the record names anything else
   */
  static Path rawDirectoryFromJournal(Path root, String recorded, String taskId) {
    String[] segments = recorded.split("/", -1);
    if (segments.length != 2
        || !RunLayout.isExecutorName(segments[0])
        || !segments[1].equals(taskId)
        || !PlanValidator.isValidId(taskId)) {
      throw new UsageException(
          "the journal of "
              + root
              + " records "
              + PlanValidator.shown(recorded)
              + " as the output of "
              + PlanValidator.shown(taskId)
              + ", which is not executor_<k>/"
              + taskId
              + " of this run; the journal was altered, run the plan again into a new directory");
    }
    return inside(root, root.resolve(recorded));
  }

  /**
   * A relative path of the outside world ({@code a/b.txt}), resolved below {@code root}.
   *
   * @throws UsageException if it is absolute, not a path, or leaves {@code root}
   */
  static Path inside(Path root, String relative) {
    try {
      Path path = Path.of(relative);
      if (path.isAbsolute() || relative.isEmpty()) {
        throw new InvalidPathException(relative, "not a relative path");
      }
      return inside(root, path);
    } catch (InvalidPathException e) {
      throw new UsageException(
          "refusing to use "
              + PlanValidator.shown(relative)
              + " as a path below "
              + root
              + ": "
              + e.getReason()
              + "; nothing outside the output directory is ever written or deleted");
    }
  }

  /**
   * The path, after checking that it lies inside the run directory, symbolic links on the way
   * included.
   *
   * @throws UsageException if it does not
   */
  static Path inside(Path root, Path path) {
    Path base = root.toAbsolutePath().normalize();
    Path target = base.resolve(path).normalize();
    if (!target.startsWith(base) || target.equals(base) || !realPathInside(base, target)) {
      throw new UsageException(
          "refusing to touch "
              + target
              + ": it lies outside the output directory "
              + base
              + "; nothing outside the output directory is ever written or deleted");
    }
    return target;
  }

  // The deepest existing ancestor between the root and the path (not following a final link) must
  // resolve into the root's real location: a link on the way must not carry a write or delete
  // elsewhere. The walk stops at the root, so a root another thread creates meanwhile is never
  // compared with an ancestor above it: either nothing below the root exists yet, or the root does.
  // Only the levels below the root are looked at (links at or above it lead the path and the root
  // alike), one stat each, and a real path is resolved only for a link: every attempt and every
  // placed output passes here.
  private static boolean realPathInside(Path base, Path target) {
    Path existing = target.getParent();
    while (existing.startsWith(base) && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (!existing.startsWith(base) || existing.equals(base)) {
      return true;
    }
    try {
      Path level = base;
      for (Path name : base.relativize(existing)) {
        level = level.resolve(name);
        if (Files.isSymbolicLink(level) && !level.toRealPath().startsWith(base.toRealPath())) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + target, e);
    }
  }

  private static void requireToken(String taskId) {
    if (!PlanValidator.isValidId(taskId)) {
      throw new UsageException(
          "task id "
              + PlanValidator.shown(taskId)
              + " is not a token and is never used as a path; fix the plan");
    }
  }
}
