package dev.orchestrator.run;

import dev.orchestrator.RunLayout;
import dev.orchestrator.SafeFiles;
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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The directory a run writes into. Claims a directory only when it is new, empty or an earlier run
 * (marked by {@code .orchestrator/}); anything else needs {@code --force}, and is refused even then
 * when it holds a file at a name the run itself writes. The home directory, {@code /} and the other
 * system directories are never claimed. Reusing a directory removes only what runs wrote there,
 * never a file of the user's, and never follows a link out.
 */
public final class OutputDirectory {

  private static final Set<String> GENERATED = generated();

  private OutputDirectory() {}

  // Directories no run may write into, nor into a directory above them: a run writes and removes
  // entries at the top of its output directory.
  private static final List<Path> SYSTEM =
      Stream.of(
              "/bin",
              "/boot",
              "/dev",
              "/etc",
              "/lib",
              "/lib32",
              "/lib64",
              "/opt",
              "/proc",
              "/root",
              "/run",
              "/sbin",
              "/srv",
              "/sys",
              "/tmp",
              "/usr",
              "/var",
              "/var/tmp")
          .map(Path::of)
          .toList();

  // The top-level names of what a run writes whatever its agents do; the consolidated project is
  // listed apart (ConsolidatedEntries).
  private static Set<String> generated() {
    Set<String> names =
        new java.util.HashSet<>(List.of(RunLayout.STATE, PlanJson.FILE_NAME, RunLayout.LOG));
    names.add(RunLayout.REPORT);
    OutputAssembler.OWN_FILES.stream().filter(f -> f.indexOf('/') < 0).forEach(names::add);
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
   * The default output directory of a new run: {@link #defaultFor}, or when that holds anything
   * already (an earlier run of the same requirement), the first of {@code <slug>-2}, {@code
   * <slug>-3}, ... that does not exist or is empty, so a second run never replaces the first.
   */
  public static Path freshDefaultFor(Path base, String requirements) {
    return freshIn(base.resolve("outputs"), requirements);
  }

  /**
   * {@code <parent>/<slug>}, or the first of {@code <slug>-2}, {@code <slug>-3}, ... that does not
   * exist or is empty.
   */
  public static Path freshIn(Path parent, String requirements) {
    Path first = parent.resolve(slug(requirements));
    Path candidate = first;
    for (int n = 2; isTaken(candidate); n++) {
      candidate = first.resolveSibling(first.getFileName() + "-" + n);
    }
    return candidate;
  }

  private static boolean isTaken(Path dir) {
    try {
      return Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)
          && !(Files.isDirectory(dir) && isEmpty(dir));
    } catch (IOException e) {
      return true;
    }
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
    return claim(dir, force, null, Path.of(System.getProperty("user.home")));
  }

  /** {@link #claim(Path, boolean)} with the user's home directory given. */
  static Path claim(Path dir, boolean force, Path home) {
    return claim(dir, force, null, home);
  }

  /**
   * Claims {@code dir} for writing {@code plan}, as {@link #claim(Path, boolean)}; an earlier run
   * there that finished, cost money or has a hand-edited plan is replaced only with {@code force}.
   *
   * @throws UsageException also if the directory holds such a run and {@code force} is false
   */
  public static Path claim(Path dir, boolean force, Plan plan) {
    return claim(dir, force, plan, Path.of(System.getProperty("user.home")));
  }

  private static Path claim(Path dir, boolean force, Plan plan, Path home) {
    Path root = dir.toAbsolutePath().normalize();
    refuseSystemDirectory(root, home);
    WorkTreeGuard.refuseAsOutput(root);
    if (Files.isSymbolicLink(root) && !Files.exists(root)) {
      throw new UsageException(
          root
              + " is a symbolic link to a directory that does not exist; create its target or"
              + " choose another --output-dir");
    }
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new UsageException(root + " is a file, not a directory; choose another --output-dir");
    }
    requireRealState(root);
    try {
      if (Files.isDirectory(root) && !isEmpty(root) && !isRun(root)) {
        if (!force) {
          throw new UsageException(
              root
                  + " already exists and is not an orchestrator output directory; choose another"
                  + " --output-dir, or pass --force to write into it beside its files (none of"
                  + " them is overwritten or removed)");
        }
        List<String> inTheWay = runFilesPresent(root);
        if (!inTheWay.isEmpty()) {
          throw new UsageException(
              root
                  + " holds "
                  + String.join(", ", inTheWay)
                  + ", which a run writes itself; --force never overwrites a file of yours: move"
                  + " them away, or choose another --output-dir");
        }
      }
      List<String> stake = isRun(root) && !force ? EarlierWork.atStake(root, plan) : List.of();
      if (!stake.isEmpty()) {
        throw new UsageException(
            root
                + " holds "
                + String.join(" and ", stake)
                + "; choose another --output-dir"
                + (stake.contains(EarlierWork.FINISHED)
                    ? ""
                    : ", finish it with orchestrator resume " + root)
                + ", or pass --force to replace it");
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
   * Refuses a state directory that is not a real directory: a link would carry the lock, the
   * journal and everything the run keeps there to another place.
   *
   * @throws UsageException if {@code .orchestrator} is a link or a file
   */
  static void requireRealState(Path root) {
    Path state = RunLayout.state(root);
    if (Files.exists(state, LinkOption.NOFOLLOW_LINKS)
        && !Files.isDirectory(state, LinkOption.NOFOLLOW_LINKS)) {
      throw new UsageException(
          state
              + (Files.isSymbolicLink(state) ? " is a symbolic link" : " is not a directory")
              + "; a run keeps its lock and state only in a directory of its own: remove it, or"
              + " choose another --output-dir");
    }
  }

  // The home directory, a file system root, a system directory, or a directory above one of them.
  private static void refuseSystemDirectory(Path root, Path home) {
    List<Path> forms = new ArrayList<>(List.of(root));
    try {
      if (Files.exists(root)) {
        forms.add(root.toRealPath());
      }
    } catch (IOException e) {
      // unresolvable: the checks that follow refuse it with their own message
    }
    List<Path> guarded = new ArrayList<>(SYSTEM);
    guarded.add(home.toAbsolutePath().normalize());
    for (Path form : forms) {
      boolean wrong =
          form.getParent() == null || guarded.stream().anyMatch(g -> g.startsWith(form));
      if (wrong) {
        throw new UsageException(
            "refusing to use "
                + root
                + " as the output directory: it is "
                + (form.getParent() == null
                    ? "a file system root"
                    : "or holds " + describe(form, home))
                + ", and a run writes and removes entries at the top of its output directory;"
                + " choose a directory of its own, such as --output-dir "
                + home.resolve("orchestrator-output"));
      }
    }
  }

  private static String describe(Path form, Path home) {
    return home.toAbsolutePath().normalize().startsWith(form)
        ? "your home directory"
        : "a system directory";
  }

  // What a forced directory holds at the names a run writes itself (each would be replaced).
  private static List<String> runFilesPresent(Path root) throws IOException {
    List<String> present = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        boolean emptyState =
            name.equals(RunLayout.STATE) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
        if (!emptyState && (GENERATED.contains(name) || name.matches("executor_\\d+"))) {
          present.add(name);
        }
      }
    }
    for (String file : OutputAssembler.OWN_FILES) {
      if (file.indexOf('/') >= 0 && Files.exists(root.resolve(file), LinkOption.NOFOLLOW_LINKS)) {
        present.add(file);
      }
    }
    present.sort(null);
    return present;
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
      deleteOwnFiles(root);
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
      deleteOwnFiles(root);
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
   * does not make one) in a state directory that is not a link.
   */
  public static boolean isRun(Path dir) {
    return Files.isDirectory(RunLayout.state(dir), LinkOption.NOFOLLOW_LINKS)
        && Files.isRegularFile(
            RunLayout.state(dir).resolve(Journal.FILE), LinkOption.NOFOLLOW_LINKS);
  }

  // The summary, README and run-file copies of an earlier assembly (not links, not through links).
  private static void deleteOwnFiles(Path root) throws IOException {
    for (String file : OutputAssembler.OWN_FILES) {
      SafeFiles.deleteFile(root, root.resolve(file));
    }
  }

  static boolean isEmpty(Path dir) throws IOException {
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
    if (!Files.isDirectory(state, LinkOption.NOFOLLOW_LINKS)) {
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
    EarlierWork.planWritten(dir);
    return file;
  }
}
