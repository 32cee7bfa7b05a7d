package dev.orchestrator.agent;

import dev.orchestrator.plan.Task;

/**
 * Where the simulated agent puts a task's files: inside the directories the task claims in the plan
 * ({@code src/api/**} gives {@code src/api/...}), in the language its claims suggest.
 */
record ScaffoldLayout(String source, String test, ScaffoldLanguage language) {

  static ScaffoldLayout of(Task task) {
    ScaffoldLanguage language = ScaffoldLanguage.PYTHON;
    String sourceDir = "src/" + SimulatedAgent.identifier(task.name());
    String testDir = "tests";
    for (String claim : task.files()) {
      String dir = literalDirectory(claim);
      ScaffoldLanguage claimed = ScaffoldLanguage.fromPattern(claim);
      if (claimed != null) {
        language = claimed;
      }
      if (dir.startsWith("tests") || dir.startsWith("test/") || dir.equals("test")) {
        testDir = dir;
      } else if (dir.startsWith("src")) {
        sourceDir = dir;
      }
    }
    String base = SimulatedAgent.identifier(task.name());
    return new ScaffoldLayout(
        sourceDir + "/" + language.sourceFile(base), testDir + "/" + language.testFile(base),
        language);
  }

  // The leading segments of a claim that hold no wildcard: "src/api/**/*.py" -> "src/api".
  private static String literalDirectory(String claim) {
    String[] segments = claim.replace('\\', '/').split("/");
    StringBuilder dir = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      boolean last = i == segments.length - 1;
      if (s.isEmpty() || s.contains("*") || s.contains("?") || s.contains("[") || s.contains("{")
          || (last && s.contains("."))) {
        break;
      }
      if (dir.length() > 0) {
        dir.append('/');
      }
      dir.append(s);
    }
    return dir.length() == 0 ? "src" : dir.toString();
  }
}
