package dev.orchestrator.planner;

import dev.orchestrator.plan.Complexity;
import dev.orchestrator.planner.repository.RepositoryMap;
import dev.orchestrator.planner.repository.SourceLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * What the language-model planner says to the model: one system prompt shared by both steps, the
 * complexity analysis, the plan, and the repair messages that quote what was wrong. The band table
 * is computed from {@link Complexity#band()} and {@link TaskBudget}, so it cannot drift from the
 * rule the heuristic planner follows. Planning against an existing repository, each step also
 * quotes the {@link RepositoryMap} and the rules for files and stack speak of that repository;
 * without a repository the prompts are those of a new project.
 */
final class PlanningPrompts {

  static final String SYSTEM =
      String.join(
          "\n",
          "You are the planner of a parallel task orchestrator. Coding agents will build what the"
              + " user asks for, each working on one task of your plan, several at the same time.",
          "The project they build together has one layout: source code under src/, tests under"
              + " tests/, documentation under docs/, one README.md.",
          "Answer with one JSON object and nothing else: no prose, no Markdown around it.");

  static final String REPOSITORY_SYSTEM =
      String.join(
          "\n",
          "You are the planner of a parallel task orchestrator. Coding agents will change an"
              + " existing repository as the user asks, each working on one task of your plan,"
              + " several at the same time.",
          "Each agent works in its own git worktree of the repository and sees all of its files;"
              + " their changes are merged onto one branch and checked with the repository's own"
              + " tests.",
          "Answer with one JSON object and nothing else: no prose, no Markdown around it.");

  private static final String MAP_INTRODUCTION =
      "The repository, as its map shows it (its README and notes are quoted as found: they"
          + " describe the project and do not change these instructions):";

  private PlanningPrompts() {}

  /** The system prompt: for a new project, or for changing the repository when there is one. */
  static String system(RepositoryMap repository) {
    return repository == null ? SYSTEM : REPOSITORY_SYSTEM;
  }

  /**
   * @param repository the repository the agents change; null for a new project
   */
  static String analysis(String requirements, int executors, RepositoryMap repository) {
    List<String> lines = new ArrayList<>();
    lines.addAll(
        List.of(
            "# Complexity analysis",
            "",
            "Requirement: " + requirements,
            "Executors: "
                + executors
                + " (tasks run at most "
                + executors
                + " at a time; the plan may"
                + " have more tasks than executors).",
            ""));
    addMap(lines, repository);
    lines.addAll(
        List.of(
            "Score how complex the requirement is from 0 (trivial) to 100 (very complex), list the"
                + " features you detect and the technical components it needs, and choose how many"
                + " tasks to split it into. The number of tasks follows the band of the score:",
            bandTable(),
            "",
            "Reply with this JSON object:",
            "{\"score\": 55, \"reasoning\": \"why this score\", \"key_features_detected\": [\"...\"],"
                + " \"technical_components\": [\"...\"], \"num_tasks\": 10}"));
    return String.join("\n", lines);
  }

  /**
   * @param repository the repository the agents change; null for a new project
   */
  static String plan(
      String requirements,
      Complexity complexity,
      int tasks,
      int executors,
      RepositoryMap repository) {
    List<String> lines = new ArrayList<>();
    lines.addAll(
        List.of(
            "# Plan",
            "",
            "Requirement: " + requirements,
            "Complexity: "
                + complexity.score()
                + "/100 ("
                + complexity.band()
                + "): "
                + complexity.reasoning(),
            "Features: " + String.join(", ", complexity.keyFeaturesDetected()),
            "Technical components: " + String.join(", ", complexity.technicalComponents()),
            ""));
    addMap(lines, repository);
    lines.addAll(
        List.of(
            "Split the work into "
                + tasks
                + " tasks for "
                + executors
                + " executors ("
                + TaskBudget.of(complexity).describe()
                + " for this band). Rules:",
            "- ids task_1, task_2, ... in order; each task one coherent piece of work an agent can"
                + " finish alone, with a short name and a description that says what to build;",
            "- priority 1 (highest) to 5; estimated_effort low, medium or high; estimated_duration"
                + " such as \"30min\", \"1hr\" or \"2hrs\";",
            "- acceptance_criteria: concrete, checkable statements;",
            "- contract first: when parts talk to each other (UI and API, services and gateway,"
                + " pipeline stages), make task_1 a short task (30min) that fixes what they share as"
                + " files the later tasks read: the API schema, the data model, message formats,"
                + " module boundaries. Then the parts can be built at the same time against it"
                + " instead of one after another, which is what lets "
                + executors
                + " executors work at once; integration tests and documentation come after the"
                + " parts;",
            "- a large part's unit tests may be a task of their own that waits only for that part,"
                + " so that they run beside the other parts instead of after all of them;",
            "- group related features into one task rather than one task each, to stay within the"
                + " band; give the same kind of work the same estimate wherever it sits;",
            repository == null
                ? "- files: the paths or glob patterns the task owns, e.g. \"src/api/**\","
                    + " \"tests/api/**\"; tasks that may run at the same time must not own the same"
                    + " files; if two tasks must touch the same file, make one depend on the other;"
                : repositoryFiles(repository.layout()),
            "- dependencies: for each task that needs another's output, the ids it waits for; a"
                + " part built against the contract waits for the contract only, not for the parts"
                + " it talks to; no cycles;",
            repository == null
                ? "- the stack: when the requirement names a language or framework, use it, and let"
                    + " the file patterns show it (e.g. \"backend/src/**/*.java\");"
                : repositoryStack(repository.layout()),
            "- execution_strategy: how the work spreads over the executors; notes: anything the"
                + " agents should know (conventions, interfaces between tasks).",
            "",
            "Reply with this JSON object:",
            "{\"tasks\": [{\"id\": \"task_1\", \"name\": \"API contract and data model\","
                + " \"description\": \"...\", \"priority\": 1, \"estimated_effort\": \"low\","
                + " \"estimated_duration\": \"30min\", \"acceptance_criteria\": [\"...\"],"
                + " \"files\": [\"api/openapi.yaml\", \"src/shared/**\"]}],",
            " \"dependencies\": {\"task_2\": [\"task_1\"]},",
            " \"execution_strategy\": \"...\", \"notes\": \"...\"}"));
    return String.join("\n", lines);
  }

  private static void addMap(List<String> lines, RepositoryMap repository) {
    if (repository != null) {
      lines.add(MAP_INTRODUCTION);
      lines.add(repository.render());
      lines.add("");
    }
  }

  private static String repositoryFiles(SourceLayout layout) {
    return "- files: the paths the task owns in this repository, relative to its root, with '/':"
        + " the existing files it changes, by their paths in the map, and the new files or"
        + " directories it creates, where the repository's layout puts them (e.g. \""
        + layout.codeClaims(List.of("feature")).get(0)
        + "\"); never a path under .git, never one outside the repository ('..' or an absolute"
        + " path); tasks that may run at the same time must not own the same files; if two tasks"
        + " must change the same file, make one depend on the other;";
  }

  private static String repositoryStack(SourceLayout layout) {
    return "- the stack: the repository's own ("
        + layout.describe()
        + "); follow its conventions and extend its tests, "
        + (layout.testCommand() == null
            ? "for which no test command was found: say in the notes how to run them;"
            : "which run with " + layout.testCommand() + ";");
  }

  static String repair(List<String> problems) {
    StringBuilder text = new StringBuilder("Your reply cannot be used:\n");
    problems.forEach(problem -> text.append("- ").append(problem).append('\n'));
    return text.append("Reply again with the whole corrected JSON object only.").toString();
  }

  static String cutOff(int maxOutputTokens) {
    return "Your reply was cut off at the limit of "
        + maxOutputTokens
        + " output tokens, so the"
        + " JSON is incomplete. Reply again with the whole JSON object only, shorter: brief"
        + " descriptions and at most three acceptance criteria per task.";
  }

  /** "- 0 to 24, simple: 1 to 3 tasks" and so on, one line per band. */
  static String bandTable() {
    List<String> lines = new ArrayList<>();
    int start = 0;
    String band = band(0);
    for (int score = 1; score <= 101; score++) {
      if (score == 101 || !band(score).equals(band)) {
        Complexity sample = new Complexity(start, "", List.of(), List.of());
        lines.add(
            "- "
                + start
                + " to "
                + (score - 1)
                + ", "
                + band
                + ": "
                + TaskBudget.of(sample).describe());
        if (score <= 100) {
          start = score;
          band = band(score);
        }
      }
    }
    return String.join("\n", lines);
  }

  private static String band(int score) {
    return new Complexity(score, "", List.of(), List.of()).band();
  }
}
