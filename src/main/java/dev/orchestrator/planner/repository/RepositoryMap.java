package dev.orchestrator.planner.repository;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.BuildFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A bounded view of an existing repository for the planners: its tracked paths with sizes (at most
 * {@value #MAX_FILES}, shallow paths and source and build files first, with how many were left
 * out), its build files, the opening of its README, its {@code AGENTS.md} and {@code CLAUDE.md},
 * and the layout and test command they show. {@link #render()} is the text a planning prompt
 * quotes, at most {@value #MAX_RENDERED} characters whatever the repository holds.
 *
 * @param name the work tree's directory name (the prompt names no absolute path)
 * @param tracked how many usable tracked paths the caller listed
 * @param unusable how many listed paths were not usable (outside the tree, under {@code .git})
 * @param files the paths listed, sorted by path
 * @param leftOut paths not listed, counted by top-level directory ("" for files at the root)
 * @param buildFiles tracked build files, shallowest first, at most {@value #MAX_BUILD_FILES}
 * @param readme the README's opening; null when the repository has none at its root
 * @param notes {@code AGENTS.md} and {@code CLAUDE.md} at the root, those present
 */
public record RepositoryMap(
    String name,
    int tracked,
    int unusable,
    List<TrackedFile> files,
    Map<String, Integer> leftOut,
    List<String> buildFiles,
    Excerpt readme,
    List<Excerpt> notes,
    SourceLayout layout) {

  /** Most tracked paths listed. */
  public static final int MAX_FILES = 2_000;

  /** Most build files named. */
  public static final int MAX_BUILD_FILES = 30;

  /** Most bytes of the README read, of which at most {@value #README_LINES} lines are quoted. */
  public static final int README_BYTES = 4 * 1024;

  public static final int README_LINES = 60;

  /** Most bytes read of {@code AGENTS.md} and of {@code CLAUDE.md}. */
  public static final int NOTES_BYTES = 8 * 1024;

  /** Most characters of {@link #render()}. */
  public static final int MAX_RENDERED = 32 * 1024;

  // The files that declare a build, and those that run one or its tests.
  static final Set<String> BUILD_NAMES =
      Stream.concat(BuildFiles.NAMES.stream(), Stream.of("tox.ini", "Makefile", "CMakeLists.txt"))
          .collect(Collectors.toUnmodifiableSet());

  private static final List<String> README_NAMES =
      List.of("README.md", "README.rst", "README.txt", "README", "readme.md", "Readme.md");
  private static final List<String> NOTE_NAMES = List.of("AGENTS.md", "CLAUDE.md");

  public RepositoryMap {
    requireNonNull(name, "name");
    files = List.copyOf(files);
    leftOut = Collections.unmodifiableMap(new TreeMap<>(leftOut));
    buildFiles = List.copyOf(buildFiles);
    notes = List.copyOf(notes);
    requireNonNull(layout, "layout");
  }

  /**
   * Maps the work tree at {@code root} from the tracked paths the caller lists (as {@code git
   * ls-files} gives them). Reads only the build files, README and notes at the root, each within
   * its cap, and the size of each listed path; follows no link out of the tree and reads nothing
   * under {@code .git}.
   *
   * @param trackedPaths relative, '/' separators; paths outside the tree or under {@code .git} are
   *     counted as unusable and skipped
   * @throws IllegalArgumentException if {@code root} is not a directory
   * @throws UncheckedIOException if the root's real path cannot be found
   */
  public static RepositoryMap read(Path root, List<String> trackedPaths) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException(root + " is not a directory; map a git work tree");
    }
    RepositoryFiles files;
    try {
      files = new RepositoryFiles(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve the repository " + root, e);
    }
    List<String> usable =
        trackedPaths.stream().filter(RepositoryFiles::isUsable).distinct().toList();
    // Each path's rank and depth computed once: a sort asks for them a million times.
    record Ranked(String path, int rank, int depth) {}
    List<String> chosen =
        usable.stream()
            .map(p -> new Ranked(p, rank(p), depth(p)))
            .sorted(
                Comparator.comparingInt(Ranked::rank)
                    .thenComparingInt(Ranked::depth)
                    .thenComparing(Ranked::path))
            .limit(MAX_FILES)
            .map(Ranked::path)
            .sorted()
            .toList();
    Set<String> listed = Set.copyOf(chosen);
    Map<String, Integer> leftOut = new TreeMap<>();
    usable.stream()
        .filter(p -> !listed.contains(p))
        .forEach(
            p ->
                leftOut.merge(
                    p.contains("/") ? p.substring(0, p.indexOf('/')) : "", 1, Integer::sum));
    Set<String> present = Set.copyOf(usable);
    Excerpt readme =
        README_NAMES.stream()
            .filter(present::contains)
            .findFirst()
            .map(p -> readme(files, p))
            .orElse(null);
    List<Excerpt> notes =
        NOTE_NAMES.stream()
            .filter(present::contains)
            .map(p -> excerpt(p, files.read(p, NOTES_BYTES)))
            .toList();
    return new RepositoryMap(
        nameOf(root),
        usable.size(),
        trackedPaths.size() - usable.size(),
        chosen.stream().map(p -> new TrackedFile(p, files.size(p))).toList(),
        leftOut,
        usable.stream()
            .filter(p -> BUILD_NAMES.contains(fileName(p)))
            .sorted(
                Comparator.comparingInt(RepositoryMap::depth)
                    .thenComparing(Comparator.naturalOrder()))
            .limit(MAX_BUILD_FILES)
            .toList(),
        readme,
        notes,
        new LayoutDetector(usable, files).detect());
  }

  /** How many usable tracked paths the map does not list. */
  public int omitted() {
    return leftOut.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The text a planning prompt quotes: at most {@value #MAX_RENDERED} characters. */
  public String render() {
    return new MapText(this, MAX_RENDERED).render();
  }

  private static Excerpt readme(RepositoryFiles files, String path) {
    RepositoryFiles.Text text = files.read(path, README_BYTES);
    if (!text.read()) {
      return excerpt(path, text);
    }
    String[] lines = text.text().split("\n", -1);
    if (lines.length <= README_LINES) {
      return new Excerpt(path, text.text(), text.cut(), null);
    }
    return new Excerpt(
        path, String.join("\n", List.of(lines).subList(0, README_LINES)), true, null);
  }

  private static Excerpt excerpt(String path, RepositoryFiles.Text text) {
    return new Excerpt(path, text.text(), text.cut(), text.refusal());
  }

  // 0: build files and notes at the top; 1: source; 2: anything else; 3: vendored or built.
  private static int rank(String path) {
    if (TrackedFile.isVendored(path)) {
      return 3;
    }
    String name = fileName(path);
    if (depth(path) <= 1
        && (BUILD_NAMES.contains(name)
            || README_NAMES.contains(name)
            || NOTE_NAMES.contains(name))) {
      return 0;
    }
    return TrackedFile.isSource(path) ? 1 : 2;
  }

  private static int depth(String path) {
    return (int) path.chars().filter(c -> c == '/').count();
  }

  static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String nameOf(Path root) {
    Path name = root.toAbsolutePath().normalize().getFileName();
    return name == null ? "/" : name.toString();
  }
}
