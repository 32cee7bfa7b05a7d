package dev.orchestrator.output;

import dev.orchestrator.BuildFiles;
import dev.orchestrator.RunLayout;
import dev.orchestrator.plan.PlanJson;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where a file an agent wrote belongs in the consolidated project. Pure functions of relative
 * paths; nothing here touches the disk.
 *
 * <p>A project that declares a build must be laid out the way its own toolchain expects, so a file
 * under a directory holding a build file ({@link BuildFiles}: {@code pom.xml}, {@code
 * package.json}, {@code go.mod}, ...) keeps the path the agent wrote: a build file at the top of
 * the agents' paths claims every file, one in {@code backend/} claims {@code backend/}. Maven's
 * {@code src/test/java}, a Go test beside its package and a {@code package.json} at the root stay
 * where their tools look for them.
 *
 * <p>Loose files that no build claims are sorted into {@code src/}, {@code tests/} or {@code
 * docs/}; the rules, first match wins:
 *
 * <ol>
 *   <li>{@code README.md} at the top of a task's output is the task's README; it feeds the combined
 *       README and is not copied.
 *   <li>Anything under a top-level {@code docs/} is documentation.
 *   <li>Test files, by the conventions of each language (see {@link #isTest}), go to {@code
 *       tests/}.
 *   <li>Markdown, reStructuredText and AsciiDoc files go to {@code docs/}.
 *   <li>Everything else goes to {@code src/}.
 * </ol>
 *
 * <p>A file keeps its path below the root directory it was written in ({@code src/}, {@code
 * src/test/}, {@code tests/}, {@code test/}, {@code spec/}, {@code docs/}), so {@code
 * src/todo/test_api.py} becomes {@code tests/todo/test_api.py} and {@code a/utils.py} and {@code
 * b/utils.py} stay apart.
 */
final class ProjectLayout {

  static final String SOURCE = "src";
  static final String TESTS = "tests";
  static final String DOCS = "docs";

  /** Longest first: the root directories whose name is dropped when a file is placed. */
  private static final List<String> ROOTS =
      List.of("src/test/", "src/", "tests/", "test/", "spec/", "docs/");

  private static final Set<String> TEST_DIRECTORIES = Set.of("tests", "test", "__tests__");

  private static final Pattern TEST_FILE =
      Pattern.compile(
          String.join(
              "|",
              ".+(Test|Tests)\\.(java|kt)", // JUnit
              ".*[a-z0-9]IT\\.(java|kt)", // Failsafe integration tests; not EDIT.java
              "test_.+\\.py|.+_test\\.py|conftest\\.py", // pytest
              ".+\\.(test|spec)\\.(js|jsx|ts|tsx|mjs|cjs)", // Jest, Vitest, Mocha
              ".+_test\\.go", // go test
              ".+_test\\.rs", // Rust unit tests kept apart
              ".+_spec\\.rb|.+_test\\.rb", // RSpec, Minitest
              ".+Tests?\\.cs")); // xUnit, NUnit

  private static final Pattern DOC_FILE =
      Pattern.compile(".+\\.(md|markdown|rst|adoc)", Pattern.CASE_INSENSITIVE);

  private ProjectLayout() {}

  /**
   * The directories that hold a build file among the given paths, {@code ""} for the top; only
   * paths that are not {@linkplain #isGenerated generated} count.
   */
  static Set<String> buildRoots(Collection<String> paths) {
    Set<String> roots = new TreeSet<>();
    for (String path : paths) {
      int slash = path.lastIndexOf('/');
      if (BuildFiles.NAMES.contains(path.substring(slash + 1)) && !isGenerated(path)) {
        roots.add(slash < 0 ? "" : path.substring(0, slash));
      }
    }
    return roots;
  }

  /** Whether a build of the given roots claims the path, which then keeps it. */
  static boolean claimedByBuild(String path, Set<String> buildRoots) {
    for (String root : buildRoots) {
      if (root.isEmpty() || path.startsWith(root + "/")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a path kept as written would land on an entry the run writes at the top of the output
   * directory ({@code .orchestrator/}, {@code executor_1/}, {@code orchestrator.log}, ...).
   */
  static boolean isRunEntry(String path) {
    int slash = path.indexOf('/');
    String top = slash < 0 ? path : path.substring(0, slash);
    return RunLayout.isRunEntry(top)
        || top.equalsIgnoreCase(PlanJson.FILE_NAME)
        || top.equalsIgnoreCase(SummaryJson.FILE_NAME);
  }

  /**
   * The path of the file in the consolidated project: kept as written when a build claims it, else
   * {@linkplain #place(String) sorted}.
   */
  static String place(String path, Set<String> buildRoots) {
    return claimedByBuild(path, buildRoots) ? path : place(path);
  }

  /** Whether the path is the task's own top-level README. */
  static boolean isTaskReadme(String path) {
    return path.equalsIgnoreCase("README.md");
  }

  /** Whether the path lies in a cache or dependency directory, or is an editor or OS artefact. */
  static boolean isGenerated(String path) {
    return GeneratedFiles.contains(path);
  }

  /**
   * Whether the path is a test by the conventions of Java, Kotlin, Python, JavaScript/TypeScript,
   * Go, Rust, Ruby or C#: a test file name, or a directory {@code tests/}, {@code test/} or {@code
   * __tests__/} anywhere, or a top-level {@code spec/}.
   */
  static boolean isTest(String path) {
    String[] segments = path.split("/");
    for (int i = 0; i < segments.length - 1; i++) {
      String directory = segments[i].toLowerCase(Locale.ROOT);
      if (TEST_DIRECTORIES.contains(directory) || (i == 0 && directory.equals("spec"))) {
        return true;
      }
    }
    return TEST_FILE.matcher(segments[segments.length - 1]).matches();
  }

  /**
   * The path of a loose file in the consolidated project, relative to the output directory, such as
   * {@code tests/todo/test_api.py}.
   *
   * @param path a file of a task's raw output, relative to it, {@code /}-separated
   */
  static String place(String path) {
    String section;
    if (path.startsWith(DOCS + "/")) {
      section = DOCS;
    } else if (isTest(path)) {
      section = TESTS;
    } else if (DOC_FILE.matcher(path).matches()) {
      section = DOCS;
    } else {
      section = SOURCE;
    }
    return section + "/" + withoutRoot(path);
  }

  private static String withoutRoot(String path) {
    for (String root : ROOTS) {
      if (path.startsWith(root) && path.length() > root.length()) {
        return path.substring(root.length());
      }
    }
    return path;
  }

  /**
   * The path with a marker inserted before the extension of its file name: {@code src/main.py} and
   * {@code task_3} give {@code src/main_task_3.py}. An underscore, not a dot, joins them, so that
   * the file stays a valid module name (Python imports {@code main_task_3}, not {@code
   * main.task_3}). Characters of the marker that are unsafe in file names become {@code _}.
   */
  static String withSuffix(String path, String marker) {
    String safe = marker.replaceAll("[^A-Za-z0-9_-]", "_");
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    if (dot <= slash + 1) { // no extension, or a dot file such as .gitignore
      return path + "_" + safe;
    }
    return path.substring(0, dot) + "_" + safe + path.substring(dot);
  }
}
