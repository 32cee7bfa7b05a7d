package dev.orchestrator.agent;

import dev.orchestrator.plan.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the simulated agent puts a task's files: only inside the directories the task claims in the
 * plan ({@code src/api/**} gives {@code src/api/...}), in the language its claims suggest, so that
 * simulated tasks never write where the plan says another task works.
 *
 * <p>A task that claims source directories gets an implementation and a test (in its claimed test
 * directory, else beside the source, where consolidation recognises it as a test); one that claims
 * only test directories gets a test; one that claims only documentation gets a document. A task
 * that claims nothing gets an implementation and a test under its own name.
 *
 * @param files what to write, in order
 */
record ScaffoldLayout(List<File> files, ScaffoldLanguage language) {

  enum Kind {
    SOURCE,
    TEST,
    DOCUMENT
  }

  /** One file to write, by project-relative path. */
  record File(String path, Kind kind) {}

  static ScaffoldLayout of(Task task) {
    ScaffoldLanguage language = ScaffoldLanguage.PYTHON;
    String sourceDir = null;
    String testDir = null;
    String docsDir = null;
    for (String claim : task.files()) {
      ScaffoldLanguage claimed = ScaffoldLanguage.fromPattern(claim);
      if (claimed != null) {
        language = claimed;
      }
      String dir = literalDirectory(claim);
      if (dir == null) {
        continue;
      }
      String top = dir.split("/")[0];
      if (top.equals("tests") || top.equals("test") || top.equals("spec")) {
        testDir = testDir == null ? dir : testDir;
      } else if (top.equals("docs") || top.equals("doc")) {
        docsDir = docsDir == null ? dir : docsDir;
      } else {
        sourceDir = sourceDir == null ? dir : sourceDir;
      }
    }
    String base = SimulatedAgent.identifier(task.name());
    if (sourceDir == null && testDir == null && docsDir == null) {
      sourceDir = "src/" + base;
      testDir = "tests";
    }
    List<File> files = new ArrayList<>();
    if (sourceDir != null) {
      files.add(new File(sourceDir + "/" + language.sourceFile(base), Kind.SOURCE));
    }
    if (sourceDir != null || testDir != null) {
      String dir = testDir != null ? testDir : sourceDir;
      files.add(new File(dir + "/" + language.testFile(base), Kind.TEST));
    }
    if (sourceDir == null && testDir == null) {
      files.add(new File(docsDir + "/" + base + ".md", Kind.DOCUMENT));
    }
    return new ScaffoldLayout(List.copyOf(files), language);
  }

  /**
   * The leading segments of a claim that hold no wildcard ({@code "src/api/**}{@code /*.py"} gives
   * {@code "src/api"}), or null when the claim names a single file at the top, such as {@code
   * README.md}.
   */
  private static String literalDirectory(String claim) {
    String[] segments = claim.replace('\\', '/').split("/");
    StringBuilder dir = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      boolean last = i == segments.length - 1;
      if (s.isEmpty()
          || s.contains("*")
          || s.contains("?")
          || s.contains("[")
          || s.contains("{")
          || (last && s.contains("."))) {
        break;
      }
      if (dir.length() > 0) {
        dir.append('/');
      }
      dir.append(s);
    }
    return dir.length() == 0 ? null : dir.toString();
  }
}
