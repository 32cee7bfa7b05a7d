package dev.orchestrator.planner.repository;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A tracked path the map lists.
 *
 * @param path relative to the work tree, '/' separators
 * @param size bytes of the regular file in the work tree; null when it is a link, a directory or
 *     missing there (not measured)
 */
public record TrackedFile(String path, Long size) {

  private static final Set<String> SOURCE_EXTENSIONS =
      Set.of(
          "java", "kt", "kts", "scala", "groovy", "py", "pyi", "js", "jsx", "mjs", "cjs", "ts",
          "tsx", "vue", "svelte", "rs", "go", "c", "h", "cc", "cpp", "hpp", "cs", "rb", "php",
          "swift", "m", "sh", "sql", "proto", "graphql");
  // Dependencies and build output that some repositories check in.
  private static final Set<String> VENDORED =
      Set.of("node_modules", "vendor", "third_party", "dist", "build", "target", "out");

  public TrackedFile {
    requireNonNull(path, "path");
  }

  /** Whether the path is source code by its extension ({@code .java}, {@code .py}, ...). */
  public boolean isSource() {
    return isSource(path);
  }

  /** Whether the path lies in a directory of dependencies or build output. */
  public boolean isVendored() {
    return isVendored(path);
  }

  static boolean isSource(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot >= 0 && SOURCE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  static boolean isVendored(String path) {
    return List.of(path.split("/")).stream().anyMatch(VENDORED::contains);
  }
}
