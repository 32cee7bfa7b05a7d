package dev.orchestrator.output;

import java.util.Set;

/**
 * What is not part of a project although it lies in one: the directories that version control,
 * package managers, build tools, test runners and editors make (installed dependencies, caches,
 * build output), and a few files of the same kind. The one list consolidation, the verify step's
 * project copy, test-suite detection and report reading go by: consolidation does not copy them
 * from a task's output, the verify copy leaves them out (its build makes them afresh), and
 * detection does not take their build files and tests for the project's.
 */
public final class GeneratedFiles {

  /** Installed dependencies: tests found in them are not the project's. */
  private static final Set<String> DEPENDENCY_DIRECTORIES = Set.of("node_modules", ".venv", "venv");

  private static final Set<String> DIRECTORIES =
      Set.of(
          // installed dependencies
          "node_modules",
          ".venv",
          "venv",
          // caches of test runners, linters and build tools
          "__pycache__",
          ".pytest_cache",
          ".mypy_cache",
          ".ruff_cache",
          ".tox",
          ".gradle",
          // build output: Maven's and Cargo's, Gradle's and CMake's; coverage reports
          "target",
          "build",
          "htmlcov",
          ".nyc_output",
          // version control and editors
          ".git",
          ".idea",
          ".vscode");

  private static final Set<String> FILES = Set.of(".DS_Store", "Thumbs.db", ".coverage");

  private GeneratedFiles() {}

  /** Whether a directory of this name is made by a tool rather than written as the project. */
  public static boolean isDirectory(String name) {
    return DIRECTORIES.contains(name);
  }

  /** Whether a directory of this name holds installed dependencies. */
  public static boolean isDependencyDirectory(String name) {
    return DEPENDENCY_DIRECTORIES.contains(name);
  }

  /**
   * Whether a relative, {@code /}-separated path lies in such a directory, or is such a file (an OS
   * or editor artefact, compiled Python).
   */
  public static boolean contains(String path) {
    String[] segments = path.split("/");
    for (int i = 0; i < segments.length - 1; i++) {
      if (DIRECTORIES.contains(segments[i])) {
        return true;
      }
    }
    String name = segments[segments.length - 1];
    return FILES.contains(name) || name.endsWith(".pyc");
  }
}
