package dev.orchestrator.planner.repository;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/**
 * Where a repository keeps its code and tests and how it runs them, as its build files show.
 *
 * @param kind the build system or language found
 * @param packages the project's package or module names as its files show them ({@code
 *     com.acme.shop} for Maven, the packages under {@code src/} for Python, the module of {@code
 *     go.mod}); empty when none was found
 * @param sourceRoot the directory new code goes to, relative, '/' separators, empty for the root
 * @param testRoot the directory new tests go to, relative, '/' separators, empty for the root
 * @param testCommand how the repository runs its tests ({@code mvn -B -q test}); null when none was
 *     found
 * @param evidence which files say so, in words, for the prompt and for the user
 */
public record SourceLayout(
    Kind kind,
    List<String> packages,
    String sourceRoot,
    String testRoot,
    String testCommand,
    String evidence) {

  /** The build systems and languages the map tells apart. */
  public enum Kind {
    MAVEN("Maven (Java)"),
    GRADLE("Gradle (Java/Kotlin)"),
    PYTHON("Python"),
    NODE("Node.js"),
    RUST("Rust (Cargo)"),
    GO("Go"),
    UNKNOWN("unknown");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The kind in words: "Maven (Java)". */
    public String label() {
      return label;
    }
  }

  public SourceLayout {
    requireNonNull(kind, "kind");
    packages = List.copyOf(packages);
    requireNonNull(sourceRoot, "sourceRoot");
    requireNonNull(testRoot, "testRoot");
    requireNonNull(evidence, "evidence");
  }

  /** The layout in one line: "Maven (Java), package com.acme.shop: code under src/main/java/…". */
  public String describe() {
    StringBuilder text = new StringBuilder(kind.label());
    if (!packages.isEmpty()) {
      text.append(packages.size() == 1 ? ", package " : ", packages ")
          .append(String.join(", ", packages));
    }
    return text.append("; new code under ")
        .append(shown(sourceRoot))
        .append(", new tests under ")
        .append(shown(testRoot))
        .toString();
  }

  /**
   * The paths new code for a part named by {@code words} ("rate limiting") goes to, following the
   * layout's conventions: a Java package directory, a Python module or package, a Node directory.
   *
   * @param words lower-case words, 1 or more
   */
  public List<String> codeClaims(List<String> words) {
    switch (kind) {
      case MAVEN:
      case GRADLE:
        return List.of(join(sourceRoot, joined(words, "")) + "/**");
      case PYTHON:
        return List.of(
            join(sourceRoot, joined(words, "_")) + ".py",
            join(sourceRoot, joined(words, "_")) + "/**");
      case RUST:
        return List.of(
            join(sourceRoot, joined(words, "_")) + ".rs",
            join(sourceRoot, joined(words, "_")) + "/**");
      case GO:
        return List.of(join(sourceRoot, joined(words, "")) + "/**");
      default:
        return List.of(join(sourceRoot, joined(words, "-")) + "/**");
    }
  }

  /** The paths the tests of a part named by {@code words} go to. */
  public List<String> testClaims(List<String> words) {
    switch (kind) {
      case MAVEN:
      case GRADLE:
        return List.of(join(testRoot, joined(words, "")) + "/**");
      case PYTHON:
        return List.of(
            join(testRoot, "test_" + joined(words, "_")) + ".py",
            join(testRoot, joined(words, "_")) + "/**");
      case RUST:
        return List.of(join(testRoot, joined(words, "_")) + ".rs");
      case GO:
        // Go keeps tests beside the code; the part's own tests wait for the part.
        return List.of(join(sourceRoot, joined(words, "")) + "/*_test.go");
      case NODE:
        return List.of(
            join(testRoot, joined(words, "-")) + ".test.*",
            join(testRoot, joined(words, "-")) + "/**");
      default:
        return List.of(join(testRoot, joined(words, "-")) + "/**");
    }
  }

  private static String joined(List<String> words, String separator) {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("a part needs at least one word for its paths");
    }
    return String.join(separator, words).toLowerCase(Locale.ROOT);
  }

  private static String join(String directory, String name) {
    return directory.isEmpty() ? name : directory + "/" + name;
  }

  private static String shown(String directory) {
    return directory.isEmpty() ? "the root" : directory + "/";
  }
}
