package dev.orchestrator;

import java.util.Set;

/**
 * The files whose presence declares a build and the directory it covers ({@code pom.xml}, {@code
 * package.json}, {@code go.mod}, ...): consolidation keeps a declared project laid out as its
 * toolchain expects, and the map of a user's repository lists them for the planners.
 */
public final class BuildFiles {

  /** The names, without a directory. */
  public static final Set<String> NAMES =
      Set.of(
          "pom.xml",
          "build.gradle",
          "build.gradle.kts",
          "settings.gradle",
          "settings.gradle.kts",
          "package.json",
          "go.mod",
          "Cargo.toml",
          "pyproject.toml",
          "setup.cfg",
          "setup.py",
          "requirements.txt");

  private BuildFiles() {}
}
