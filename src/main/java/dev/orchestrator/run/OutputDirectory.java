package dev.orchestrator.run;

import dev.orchestrator.RunLayout;
import dev.orchestrator.UsageException;
import dev.orchestrator.output.ConsolidatedEntries;
import dev.orchestrator.output.DirectoryTree;
import dev.orchestrator.output.OutputAssembler;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The directory a run writes into. Claims a directory only when it is new, empty or an earlier run
 * (marked by {@code .orchestrator/}); anything else needs {@code --force}. Reusing a directory
 * removes only what runs write there, never a file of the user's.
 */
public final class OutputDirectory {

  private static final Set<String> GENERATED = generated();

  private OutputDirectory() {}

  private static Set<String> generated() {
    Set<String> names = new java.util.HashSet<>(OutputAssembler.WRITES);
    names.addAll(List.of(RunLayout.STATE, PlanJson.FILE_NAME, RunLayout.LOG, RunLayout.REPORT));
    return Set.copyOf(names);
  }

  /**
   * The default output directory: {@code outputs/<slug>} under {@code base}.
   *
   * @param requirements the requirement the slug is made of
   */
  public static Path defaultFor(Path base, String requirements) {
    return base.resolve("outputs").resolve(slug(requirements));
  }

  /**
   * A short file-name-safe form of a requirement: {@code "Build a todo app" -> build-a-todo-app}.
   */
  public static String slug(String requirements) {
    String slug =
        requirements
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (slug.length() > 60) {
      slug = slug.substring(0, 60).replaceAll("-[^-]*$", "");
    }
    return slug.isEmpty() ? "run" : slug;
  }

  /**
   * Claims {@code dir} for a new run: checks that it may be used, creates it and its state
   * directory. Nothing is removed yet: the caller locks the directory ({@link RunDirectoryLock})
   * and then {@link #clear clears} it.
   *
   * @param force whether a non-empty directory that is not an earlier run may be used
   * @return the absolute, normalized directory
   * @throws UsageException if the directory holds other files and {@code force} is false, is a
   *     file, a dangling link, or cannot be created or written
   */
  public static Path claim(Path dir, boolean force) {
    Path root = dir.toAbsolutePath().normalize();
    if (Files.isSymbolicLink(root) && !Files.exists(root)) {
      throw new UsageException(
          root
              + " is a symbolic link to a directory that does not exist; create its target or"
              + " choose another --output-dir");
    }
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new UsageException(root + " is a file, not a directory; choose another --output-dir");
    }
    try {
      if (Files.isDirectory(root) && !isEmpty(root) && !isRun(root) && !force) {
        throw new UsageException(
            root
                + " already exists and is not an orchestrator output directory; choose another"
                + " --output-dir, or pass --force to write into it (replacing its src/, tests/,"
                + " docs/ and README.md; other files are kept)");
      }
      Files.createDirectories(RunLayout.state(root));
      if (!Files.isWritable(root) || !Files.isWritable(RunLayout.state(root))) {
        throw new AccessDeniedException(root.toString(), null, "not writable");
      }
      return root;
    } catch (IOException e) {
      throw new UsageException(
          "cannot use "
              + root
              + " as the output directory ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "); choose a directory you can write to with --output-dir");
    }
  }

  /**
   * Removes what an earlier run wrote into a claimed and locked directory, keeping the lock.
   *
   * @throws UncheckedIOException if an entry cannot be removed
   */
  static void clear(Path root) {
    try {
      ConsolidatedEntries.clear(root); // before the run state that lists them goes
      clearGenerated(root);
      Files.createDirectories(RunLayout.state(root));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare output directory " + root, e);
    }
  }

  /**
   * Makes an interrupted run's directory ready to be resumed: removes its consolidated project,
   * summary and report (they are made again), the attempt directories, and every raw task directory
   * except the ones to keep. The plan, the journal and the log stay.
   *
   * @param keep raw {@code executor_<k>/<task_id>} directories of tasks that stay completed
   */
  static void prepareResume(Path root, Set<Path> keep) {
    try {
      ConsolidatedEntries.clear(root);
      for (String name : OutputAssembler.WRITES) {
        deleteTree(root, root.resolve(name));
      }
      deleteTree(root, RunLayout.report(root));
      deleteTree(root, RunLayout.attempts(root));
      try (DirectoryStream<Path> executors =
          Files.newDirectoryStream(
              root, entry -> RunLayout.isExecutorName(entry.getFileName().toString()))) {
        for (Path executor : executors) {
          try (DirectoryStream<Path> tasks = Files.newDirectoryStream(executor)) {
            for (Path task : tasks) {
              if (!keep.contains(task.toAbsolutePath().normalize())) {
                deleteTree(root, task);
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + root + " for resuming", e);
    }
  }

  /**
   * Whether the directory holds an earlier run: it has a journal (an empty state directory alone
   * does not make one).
   */
  public static boolean isRun(Path dir) {
    return Files.isRegularFile(RunLayout.state(dir).resolve(Journal.FILE));
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void clearGenerated(Path root) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.equals(RunLayout.STATE)) {
          clearState(root, entry);
        } else if (GENERATED.contains(name) || RunLayout.isExecutorName(name)) {
          deleteTree(root, entry);
        }
      }
    }
  }

  // Everything of the run state but the lock its owner holds.
  private static void clearState(Path root, Path state) throws IOException {
    if (!Files.isDirectory(state, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      deleteTree(root, state);
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(state)) {
      for (Path entry : entries) {
        if (!entry.getFileName().toString().equals(RunDirectoryLock.FILE)) {
          deleteTree(root, entry);
        }
      }
    }
  }

  /**
   * Deletes a file or a directory tree of the run without following symbolic links out of it.
   *
   * @throws UsageException if the path lies outside the run directory {@code root}
   */
  public static void deleteTree(Path root, Path path) throws IOException {
    RunPaths.inside(root, path);
    DirectoryTree.delete(path);
  }

  /**
   * Writes the plan as {@code execution_plan.json} into a run directory.
   *
   * @return the plan file
   */
  static Path writePlan(Path dir, Plan plan) {
    Path file = dir.resolve(PlanJson.FILE_NAME);
    try {
      PlanJson.write(plan, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }
}
