package dev.orchestrator.planner.repository;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import dev.orchestrator.planner.repository.SourceLayout.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a repository's {@link SourceLayout} from its tracked paths and its build files at the root,
 * tried in this order: Maven, Gradle, Cargo, Go, Python, Node, then a Makefile's {@code test}
 * target. A repository with a Java backend and a {@code package.json} for its web assets is a Maven
 * project; a second build system is left to the agents.
 */
final class LayoutDetector {

  /** Build files read to detect the layout; larger ones are read only this far. */
  static final int BUILD_FILE_BYTES = 64 * 1024;

  private static final int MAX_PACKAGES = 5;
  private static final int MAX_EVIDENCE = 200;
  private static final Set<String> PYTHON_MARKERS =
      Set.of("pyproject.toml", "setup.py", "setup.cfg", "requirements.txt");
  private static final Set<String> PYTHON_CONFIG =
      Set.of("pyproject.toml", "setup.cfg", "tox.ini", "pytest.ini", "requirements-dev.txt");
  private static final Set<String> NOT_PACKAGES =
      Set.of(
          "tests", "test", "docs", "doc", "examples", "example", "scripts", "benchmarks", "bench");
  private static final Pattern PYTHON_TEST =
      Pattern.compile("(?:.*/)?(test_[^/]*|[^/]*_test)\\.py");
  private static final Pattern GO_MODULE = Pattern.compile("(?m)^module\\s+(\\S+)");
  private static final Pattern CARGO_NAME = Pattern.compile("(?m)^name\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern MAKE_TEST = Pattern.compile("(?m)^test\\s*:");
  private static final String NPM_DEFAULT_TEST = "no test specified";

  private final List<String> paths;
  private final Set<String> present;
  private final RepositoryFiles files;

  LayoutDetector(List<String> paths, RepositoryFiles files) {
    this.paths = List.copyOf(paths);
    this.present = new HashSet<>(paths);
    this.files = files;
  }

  SourceLayout detect() {
    if (present.contains("pom.xml")) {
      return java(Kind.MAVEN, command("mvnw", "./mvnw -B -q test", "mvn -B -q test"), "pom.xml");
    }
    for (String gradle : List.of("build.gradle.kts", "build.gradle")) {
      if (present.contains(gradle)) {
        return java(Kind.GRADLE, command("gradlew", "./gradlew test", "gradle test"), gradle);
      }
    }
    if (present.contains("Cargo.toml")) {
      List<String> name = first(CARGO_NAME, "Cargo.toml");
      return new SourceLayout(
          Kind.RUST, name, "src", "tests", "cargo test", "Cargo.toml at the root");
    }
    if (present.contains("go.mod")) {
      return go();
    }
    if (PYTHON_MARKERS.stream().anyMatch(present::contains)
        || paths.stream().anyMatch(p -> PYTHON_TEST.matcher(p).matches())) {
      return python();
    }
    if (present.contains("package.json")) {
      return node();
    }
    String root = directory("src").orElse("");
    String tests = directory("tests").or(() -> directory("test")).orElse("tests");
    if (present.contains("Makefile") && MAKE_TEST.matcher(text("Makefile")).find()) {
      return new SourceLayout(
          Kind.UNKNOWN, List.of(), root, tests, "make test", "the Makefile has a test target");
    }
    return new SourceLayout(
        Kind.UNKNOWN,
        List.of(),
        root,
        tests,
        null,
        "no build file the orchestrator knows at the root");
  }

  private String command(String wrapper, String withWrapper, String plain) {
    return present.contains(wrapper) ? withWrapper : plain;
  }

  // The main source root with the most files (on a tie the shorter path), and the package directory
  // all its files share.
  private SourceLayout java(Kind kind, String command, String buildFile) {
    Map<String, Integer> roots = new LinkedHashMap<>();
    for (String path : paths) {
      for (String marker : List.of("src/main/java/", "src/main/kotlin/")) {
        int at = path.indexOf(marker);
        if (at == 0 || (at > 0 && path.charAt(at - 1) == '/')) {
          roots.merge(path.substring(0, at + marker.length() - 1), 1, Integer::sum);
        }
      }
    }
    String root =
        roots.entrySet().stream()
            .max(
                Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                    .thenComparing(e -> -e.getKey().length()))
            .map(Map.Entry::getKey)
            .orElse("src/main/java");
    String packageDirectory = commonDirectory(under(root));
    String testRoot = root.replace("src/main/", "src/test/");
    String evidence =
        buildFile + " at the root" + (command.startsWith("./") ? ", with its wrapper" : "");
    return new SourceLayout(
        kind,
        packageDirectory.isEmpty() ? List.of() : List.of(packageDirectory.replace('/', '.')),
        join(root, packageDirectory),
        join(testRoot, packageDirectory),
        command,
        evidence);
  }

  private SourceLayout go() {
    List<String> module = first(GO_MODULE, "go.mod");
    String root = directory("internal").or(() -> directory("pkg")).orElse("");
    return new SourceLayout(Kind.GO, module, root, root, "go test ./...", "go.mod at the root");
  }

  private SourceLayout python() {
    Set<String> srcPackages = new TreeSet<>();
    Set<String> flatPackages = new TreeSet<>();
    for (String path : paths) {
      String[] parts = path.split("/");
      if (parts.length == 3 && parts[0].equals("src") && parts[2].equals("__init__.py")) {
        srcPackages.add(parts[1]);
      } else if (parts.length == 2
          && parts[1].equals("__init__.py")
          && !NOT_PACKAGES.contains(parts[0])) {
        flatPackages.add(parts[0]);
      }
    }
    String tests = directory("tests").or(() -> directory("test")).orElse("tests");
    String command = null;
    String evidence;
    Optional<String> testFile =
        paths.stream().filter(p -> PYTHON_TEST.matcher(p).matches()).findFirst();
    Optional<String> config =
        PYTHON_CONFIG.stream()
            .sorted()
            .filter(present::contains)
            .filter(f -> text(f).contains("pytest"))
            .findFirst();
    if (config.isPresent()) {
      command = "python -m pytest";
      evidence = config.get() + " mentions pytest";
    } else if (testFile.isPresent()) {
      command = "python -m pytest";
      evidence = "test files such as " + testFile.get() + " (pytest collects them)";
    } else {
      evidence = "Python files, but no test files and no pytest configuration";
    }
    if (!srcPackages.isEmpty()) {
      List<String> names = limited(srcPackages);
      return new SourceLayout(
          Kind.PYTHON, names, "src/" + names.get(0), tests, command, "src layout; " + evidence);
    }
    List<String> names = limited(flatPackages);
    return new SourceLayout(
        Kind.PYTHON,
        names,
        names.isEmpty() ? "" : names.get(0),
        tests,
        command,
        (names.isEmpty() ? "modules at the root; " : "flat layout; ") + evidence);
  }

  private SourceLayout node() {
    JsonNode manifest;
    try {
      manifest = Json.mapper().readTree(text("package.json"));
    } catch (IOException e) {
      manifest = Json.mapper().createObjectNode();
    }
    if (manifest == null) {
      manifest = Json.mapper().createObjectNode();
    }
    String name = manifest.path("name").asText("");
    String script = manifest.path("scripts").path("test").asText("").strip();
    String root = directory("src").or(() -> directory("lib")).orElse("src");
    String tests =
        directory("test")
            .or(() -> directory("tests"))
            .or(() -> directory("__tests__"))
            .orElse("test");
    boolean real = !script.isEmpty() && !script.contains(NPM_DEFAULT_TEST);
    return new SourceLayout(
        Kind.NODE,
        name.isEmpty() || name.length() > 100 ? List.of() : List.of(name),
        root,
        tests,
        real ? "npm test" : null,
        real
            ? shorter("package.json scripts.test is \"" + script + "\"")
            : "package.json has no test script");
  }

  private List<String> first(Pattern pattern, String file) {
    Matcher m = pattern.matcher(text(file));
    return m.find() && m.group(1).length() <= 100 ? List.of(m.group(1)) : List.of();
  }

  private String text(String path) {
    RepositoryFiles.Text text = files.read(path, BUILD_FILE_BYTES);
    return text.read() ? text.text() : "";
  }

  // A top-level directory that holds tracked files.
  private Optional<String> directory(String name) {
    String prefix = name + "/";
    return paths.stream().anyMatch(p -> p.startsWith(prefix))
        ? Optional.of(name)
        : Optional.empty();
  }

  private List<String> under(String root) {
    String prefix = root + "/";
    return paths.stream()
        .filter(p -> p.startsWith(prefix))
        .map(p -> p.substring(prefix.length()))
        .toList();
  }

  /** The deepest directory every path lies under, '' when they share none. */
  static String commonDirectory(List<String> relative) {
    if (relative.isEmpty()) {
      return "";
    }
    List<String> common = null;
    for (String path : relative) {
      List<String> directories = List.of(path.split("/"));
      directories = directories.subList(0, directories.size() - 1);
      if (common == null) {
        common = new ArrayList<>(directories);
      } else {
        int same = 0;
        while (same < common.size()
            && same < directories.size()
            && common.get(same).equals(directories.get(same))) {
          same++;
        }
        common = new ArrayList<>(common.subList(0, same));
      }
    }
    return String.join("/", common);
  }

  private static List<String> limited(Set<String> names) {
    return names.stream().limit(MAX_PACKAGES).toList();
  }

  private static String join(String directory, String name) {
    return name.isEmpty() ? directory : directory + "/" + name;
  }

  private static String shorter(String text) {
    return text.length() <= MAX_EVIDENCE ? text : text.substring(0, MAX_EVIDENCE) + "…";
  }
}
