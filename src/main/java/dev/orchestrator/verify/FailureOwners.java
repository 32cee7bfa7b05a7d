package dev.orchestrator.verify;

import dev.orchestrator.plan.FilePatterns;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the files a failure involves and the tasks that own them. The files are the failing test's
 * own file and the project files it imports (an assertion's trace often shows only the test), the
 * project files its report names (stack traces, compiler errors) and, for Java, the files of the
 * classes in its stack frames. A file's owners are the task whose version consolidation kept and
 * every task whose {@code files} in the plan claim it.
 */
final class FailureOwners {

  private static final Pattern JAVA_FRAME = Pattern.compile("at ([\\w$.]+)\\.[\\w$<>]+\\(");

  private static final Pattern JS_IMPORT =
      Pattern.compile("(?:require\\(|from\\s+|import\\s+)['\"]([^'\"]+)['\"]");
  private static final Pattern PYTHON_IMPORT =
      Pattern.compile("(?m)^\\s*(?:from\\s+([\\w.]+)\\s+import|import\\s+([\\w.]+))");
  private static final Pattern JAVA_IMPORT = Pattern.compile("(?m)^import\\s+([\\w.]+);");

  private final Path project;
  private final Plan plan;
  private final Map<String, String> writers;
  private final List<String> projectFiles;

  /**
   * @param writers consolidated path to the task whose file it is
   * @param projectFiles the project's files, relative, {@code /}-separated
   */
  FailureOwners(Path project, Plan plan, Map<String, String> writers, List<String> projectFiles) {
    this.project = project;
    this.plan = plan;
    this.writers = writers;
    // Longest first, so that src/app/main.py is found before a main.py it contains.
    this.projectFiles =
        projectFiles.stream().sorted((a, b) -> Integer.compare(b.length(), a.length())).toList();
  }

  /** The project files a failure involves, its own test file first. */
  List<String> files(TestCase test) {
    Set<String> files = new LinkedHashSet<>();
    if (test.file() != null) {
      String file = test.file().replace('\\', '/');
      projectFiles.stream()
          .filter(f -> f.equals(file) || file.endsWith("/" + f))
          .findFirst()
          .ifPresent(files::add);
    }
    if (test.className() != null) {
      files.addAll(javaFiles(test.className()));
    }
    if (!files.isEmpty()) {
      files.addAll(imports(files.iterator().next()));
    }
    String text = test.detail();
    for (String file : projectFiles) {
      if (text.contains(file)) {
        files.add(file);
      }
    }
    Matcher frame = JAVA_FRAME.matcher(text);
    while (frame.find()) {
      files.addAll(javaFiles(frame.group(1)));
    }
    if (test.file() == null && !files.isEmpty()) {
      files.addAll(imports(files.iterator().next())); // a test file found in the trace
    }
    return List.copyOf(files);
  }

  /** The project files a source file imports, as far as its import lines say. */
  private List<String> imports(String file) {
    String source;
    try {
      source = Files.readString(project.resolve(file));
    } catch (IOException | RuntimeException e) {
      return List.of(); // not text, or gone: no imports to follow
    }
    Set<String> candidates = new LinkedHashSet<>();
    String directory = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
    Matcher js = JS_IMPORT.matcher(source);
    while (js.find()) {
      String spec = js.group(1);
      if (spec.startsWith(".")) {
        String path = Path.of(directory + spec).normalize().toString().replace('\\', '/');
        for (String suffix : List.of("", ".js", ".mjs", ".cjs", ".ts", "/index.js")) {
          candidates.add(path + suffix);
        }
      }
    }
    Matcher python = PYTHON_IMPORT.matcher(source);
    while (python.find()) {
      String module =
          (python.group(1) != null ? python.group(1) : python.group(2)).replace('.', '/');
      for (String prefix : List.of("", "src/", directory)) {
        candidates.add(prefix + module + ".py");
        candidates.add(prefix + module + "/__init__.py");
      }
    }
    List<String> found = new ArrayList<>();
    Matcher java = JAVA_IMPORT.matcher(source);
    while (java.find()) {
      found.addAll(javaFiles(java.group(1)));
    }
    projectFiles.stream().filter(candidates::contains).forEach(found::add);
    return found;
  }

  /** The tasks owning any of the files, in plan order. */
  List<String> owners(List<String> files) {
    Set<String> owners = new LinkedHashSet<>();
    for (String file : files) {
      String writer = writers.get(file);
      if (writer != null) {
        owners.add(FixTasks.ownerOf(writer)); // a fix task's file goes back to its owner
      }
    }
    List<String> ordered = new ArrayList<>();
    for (Task task : plan.tasks()) {
      if (!task.id().equals(FixTasks.ownerOf(task.id()))) {
        continue;
      }
      boolean claims =
          files.stream()
              .anyMatch(f -> task.files().stream().anyMatch(c -> FilePatterns.overlap(c, f)));
      if (owners.contains(task.id()) || claims) {
        ordered.add(task.id());
      }
    }
    return ordered;
  }

  /** The plan whose tasks own the files. */
  Plan plan() {
    return plan;
  }

  /** The tasks among {@code writers}, a fix task counting as its owner, in plan order. */
  List<String> inPlanOrder(Set<String> writers) {
    Set<String> owners = new LinkedHashSet<>();
    writers.forEach(w -> owners.add(FixTasks.ownerOf(w)));
    return plan.tasks().stream().map(Task::id).filter(owners::contains).toList();
  }

  private List<String> javaFiles(String className) {
    String outer =
        className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
    String suffix = "/" + outer.replace('.', '/') + ".java";
    return projectFiles.stream()
        .filter(f -> f.endsWith(suffix) || f.equals(suffix.substring(1)))
        .toList();
  }
}
