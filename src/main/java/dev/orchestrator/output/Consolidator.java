package dev.orchestrator.output;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.plan.TaskStatus;
import dev.orchestrator.process.AgentFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges the raw outputs of the completed tasks into one project in the output directory: laid out
 * for its build when the files declare one, else sorted into {@code src/}, {@code tests/} and
 * {@code docs/}. Raw directories are only read.
 *
 * <p>Tasks are taken in the topological order of the plan, and each task's files in path order, so
 * the same run always gives the same tree. Where a file goes is decided by {@link ProjectLayout}
 * over the files of all tasks (a {@code pom.xml} of one task lays out the files of every task).
 * When several versions compete for one path:
 *
 * <ul>
 *   <li>a version is dropped when another competing task depends on its task, directly or not: the
 *       later work was done knowing the earlier one;
 *   <li>of the remaining versions the first keeps the path and each other one is kept beside it
 *       with its task id before the extension ({@code src/main_task_3.py});
 *   <li>every such case is reported as a {@link Conflict}.
 * </ul>
 *
 * Paths are compared ignoring case, so the tree also unpacks intact on file systems that ignore
 * case.
 */
public final class Consolidator {

  private static final Logger log = LoggerFactory.getLogger(Consolidator.class);

  private static final List<String> RUN_FILES = List.of(PlanJson.FILE_NAME, SummaryJson.FILE_NAME);

  private static final String GENERATED =
      "created by a tool (cache, build output or installed dependencies)";

  private static final String RUN_ENTRY = "its path is an entry the run itself writes";

  private static final String USERS_ENTRY =
      "a file or link of the output directory that the run did not write is on its path";

  private static final String AGENT_FILES =
      "the prompt and logs of a command-line agent (" + AgentFiles.DIRECTORY + "/)";

  private Consolidator() {}

  /**
   * Copies the files of every completed task into the run's output directory, replacing the entries
   * of an earlier consolidation (see {@link ConsolidatedEntries}).
   *
   * @return where each file went, the conflicts, the tasks' READMEs and the files left out
   * @throws UncheckedIOException if a file cannot be read or written
   */
  public static Consolidation consolidate(RunRecord run) {
    Path root = run.outputDirectory().toAbsolutePath().normalize();
    // What is left on disk after this is not the run's: a file of the user's is never replaced.
    ConsolidatedEntries.clear(root);
    TaskGraph graph = TaskGraph.of(run.plan());
    Map<String, TaskResult> results = new HashMap<>();
    run.results().forEach(r -> results.put(r.taskId(), r));

    List<Claim> claims = new ArrayList<>();
    Map<String, String> readmes = new LinkedHashMap<>();
    List<SkippedFile> skipped = new ArrayList<>();
    for (int task : graph.topologicalOrder()) {
      TaskResult result = results.get(graph.id(task));
      if (result == null
          || result.status() != TaskStatus.COMPLETED
          || result.rawDirectory() == null) {
        continue;
      }
      RawDirectory raw = RawDirectory.of(root, result);
      for (String path : result.outputFiles().stream().sorted().toList()) {
        Optional<String> refusal = raw.refusal(path);
        if (refusal.isPresent()) {
          log.warn("not consolidating {} of {}: {}", path, result.taskId(), refusal.get());
          skipped.add(new SkippedFile(result.taskId(), path, refusal.get()));
        } else if (AgentFiles.contains(path)) {
          skipped.add(new SkippedFile(result.taskId(), path, AGENT_FILES));
        } else if (ProjectLayout.isGenerated(path)) {
          skipped.add(new SkippedFile(result.taskId(), path, GENERATED));
        } else if (ProjectLayout.isTaskReadme(path)) {
          readmes.put(result.taskId(), readText(raw.resolve(path)));
        } else {
          claims.add(new Claim(task, result.taskId(), path, null, raw.resolve(path)));
        }
      }
    }
    Set<String> buildRoots = ProjectLayout.buildRoots(claims.stream().map(Claim::source).toList());
    List<Claim> placed = new ArrayList<>();
    for (Claim claim : claims) {
      String target = ProjectLayout.place(claim.source(), buildRoots);
      if (ProjectLayout.isRunEntry(target)) {
        skipped.add(new SkippedFile(claim.taskId(), claim.source(), RUN_ENTRY));
      } else if (existsOnTheWay(root, target)) {
        skipped.add(new SkippedFile(claim.taskId(), claim.source(), USERS_ENTRY));
      } else {
        placed.add(new Claim(claim.task(), claim.taskId(), claim.source(), target, claim.file()));
      }
    }

    List<Copy> copies = new ArrayList<>();
    List<Conflict> conflicts = settle(placed, graph, copies, target -> occupied(root, target));
    copies.sort(Comparator.comparing(c -> c.placement().target()));
    ConsolidatedEntries.record(root, copies.stream().map(Copy::placement).toList());
    Set<Path> made = new HashSet<>(); // directories made or found: one mkdir each, not per file
    for (Copy c : copies) {
      copyNew(c.source(), inside(root, c.placement().target()), made);
    }
    log.info(
        "consolidated {} files into {}; {} conflicts, {} files left out",
        copies.size(),
        root,
        conflicts.size(),
        skipped.size());
    return new Consolidation(
        copies.stream().map(Copy::placement).toList(), conflicts, readmes, skipped);
  }

  /**
   * Copies {@code execution_plan.json} and {@code execution_summary.json} of the output directory
   * into its {@code docs/}. Call it after {@link #consolidate} and after writing the summary.
   *
   * @throws IllegalStateException if either file has not been written yet
   * @throws UncheckedIOException if copying fails
   */
  public static void copyRunFiles(Path outputDirectory) {
    Path root = outputDirectory.toAbsolutePath().normalize();
    for (String name : RUN_FILES) {
      String target = ProjectLayout.DOCS + "/" + name;
      if (existsOnTheWay(root, target)) {
        log.warn("not copying {} into {}: {}", name, ProjectLayout.DOCS, USERS_ENTRY);
        continue;
      }
      try {
        copy(root.resolve(name), inside(root, target));
      } catch (UncheckedIOException e) {
        if (e.getCause() instanceof NoSuchFileException) {
          throw new IllegalStateException(
              name + " is not in " + root + "; write it before copying it into docs/", e);
        }
        throw e;
      }
    }
  }

  /** One raw file asking for its consolidated path. */
  private record Claim(int task, String taskId, String source, String target, Path file) {}

  /**
   * The claims on one path (compared ignoring case); the survivors are those no competing task
   * depends on, and {@code plainName} says whether the path itself is free for the first of them.
   */
  private record Contest(List<Claim> claims, List<Claim> survivors, boolean plainName) {}

  private record Copy(Placement placement, Path source) {}

  /**
   * Decides the target of every claim, adding the copies to make; returns the conflicts. A path
   * that is {@code occupied} (by a file the run did not write) is never given out.
   */
  private static List<Conflict> settle(
      List<Claim> claims, TaskGraph graph, List<Copy> copies, Predicate<String> occupied) {
    Map<String, List<Claim>> byPath = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (Claim claim : claims) {
      String key = key(claim.target());
      byPath.computeIfAbsent(key, k -> new ArrayList<>()).add(claim);
      if (occupied.test(claim.target())) {
        taken.add(key);
      }
      for (int slash = key.indexOf('/'); slash >= 0; slash = key.indexOf('/', slash + 1)) {
        taken.add(key.substring(0, slash)); // a directory cannot also be a file
      }
    }
    RUN_FILES.forEach(name -> taken.add(key(ProjectLayout.DOCS + "/" + name)));

    // Every plain name is handed out before any renamed one, so a renamed version never takes a
    // name that a task chose itself.
    List<Contest> contests = new ArrayList<>();
    byPath.forEach(
        (key, group) ->
            contests.add(
                new Contest(
                    group,
                    group.stream().filter(c -> !supersededIn(group, c, graph)).toList(),
                    taken.add(key))));

    List<Conflict> conflicts = new ArrayList<>();
    for (Contest contest : contests) {
      String path = contest.claims().get(0).target();
      List<Placement> kept = new ArrayList<>();
      for (Claim claim : contest.survivors()) {
        String target =
            kept.isEmpty() && contest.plainName()
                ? path
                : unusedName(claim.target(), claim.taskId(), taken, occupied);
        Placement placement = new Placement(claim.taskId(), claim.source(), target);
        kept.add(placement);
        copies.add(new Copy(placement, claim.file()));
      }
      if (contest.claims().size() > 1 || !contest.plainName()) {
        conflicts.add(
            new Conflict(
                path,
                contest.claims().stream().map(Claim::taskId).distinct().toList(),
                resolution(contest.plainName(), contest.survivors().size()),
                kept));
      }
    }
    return conflicts;
  }

  private static boolean supersededIn(List<Claim> group, Claim claim, TaskGraph graph) {
    return group.stream().anyMatch(other -> graph.dependsTransitively(other.task(), claim.task()));
  }

  private static Conflict.Resolution resolution(boolean plainName, int survivors) {
    if (!plainName) {
      return Conflict.Resolution.RENAMED;
    }
    return survivors == 1 ? Conflict.Resolution.DEPENDENT_WINS : Conflict.Resolution.KEPT_ALL;
  }

  private static String unusedName(
      String path, String taskId, Set<String> taken, Predicate<String> occupied) {
    String name = ProjectLayout.withSuffix(path, taskId);
    for (int n = 2; !taken.add(key(name)) || occupied.test(name); n++) {
      name = ProjectLayout.withSuffix(path, taskId + "-" + n);
    }
    return name;
  }

  private static String key(String path) {
    return path.toLowerCase(Locale.ROOT);
  }

  /** The absolute target of a computed relative path, which must stay inside the root. */
  private static Path inside(Path root, String relative) {
    Path target = root.resolve(relative).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw new IllegalStateException(relative + " resolves outside " + root);
    }
    return target;
  }

  // Whether anything is at the path already (after the earlier consolidation was cleared, that is
  // a file of the user's); a link counts, whatever it points to.
  private static boolean occupied(Path root, String target) {
    return Files.exists(inside(root, target), LinkOption.NOFOLLOW_LINKS);
  }

  // Whether something that is not a real directory stands where a directory of the path would be.
  private static boolean existsOnTheWay(Path root, String target) {
    Path file = inside(root, target);
    for (Path dir = file.getParent(); !dir.equals(root); dir = dir.getParent()) {
      if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)
          && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        return true;
      }
    }
    return false;
  }

  // A consolidated file is always new: its path was checked to be free and reached without links.
  private static void copyNew(Path source, Path target, Set<Path> made) {
    try {
      if (made.add(target.getParent())) {
        Files.createDirectories(target.getParent());
      }
      Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + source + " to " + target, e);
    }
  }

  private static void copy(Path source, Path target) {
    try {
      Files.createDirectories(target.getParent());
      Files.copy(
          source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + source + " to " + target, e);
    }
  }

  private static String readText(Path file) {
    try {
      return new String(Files.readAllBytes(file), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
