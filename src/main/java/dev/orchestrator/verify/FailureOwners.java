package dev.orchestrator.verify;

import dev.orchestrator.plan.FilePatterns;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the files a failure involves and the tasks that own them. The files are the failing test's
 * own file, the project files its report names (stack traces, compiler errors) and, for Java, the
 * files of the classes in its stack frames. A file's owners are the task whose version
 * consolidation kept and every task whose {@code files} in the plan claim it.
 */
final class FailureOwners {

  private static final Pattern JAVA_FRAME = Pattern.compile("at ([\\w$.]+)\\.[\\w$<>]+\\(");

  private final Plan plan;
  private final Map<String, String> writers;
  private final List<String> projectFiles;

  /**
   * @param writers consolidated path to the task whose file it is
   * @param projectFiles the project's files, relative, {@code /}-separated
   */
  FailureOwners(Plan plan, Map<String, String> writers, List<String> projectFiles) {
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
    return List.copyOf(files);
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

  private List<String> javaFiles(String className) {
    String outer =
        className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
    String suffix = "/" + outer.replace('.', '/') + ".java";
    return projectFiles.stream()
        .filter(f -> f.endsWith(suffix) || f.equals(suffix.substring(1)))
        .toList();
  }
}
