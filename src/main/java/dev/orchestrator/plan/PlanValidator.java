package dev.orchestrator.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that a plan can be run: every task identified and in range, dependencies naming known
 * tasks, and no cycle. Reports every problem found, each naming the task and what to fix.
 */
public final class PlanValidator {

  /** Longest task id: ids name directories, and a file name has at most 255 bytes. */
  public static final int MAX_ID_LENGTH = 128;

  /**
   * Longest task name: a name is shown on one line, and a simulated executor names a file by it.
   */
  public static final int MAX_NAME_LENGTH = 200;

  /** Largest executor budget: one thread per executor, and a budget beyond this is a typo. */
  public static final int MAX_EXECUTORS = 256;

  /** Longest estimated duration: beyond a year the sums of a plan's work stop meaning anything. */
  public static final Duration MAX_ESTIMATED_DURATION = Duration.ofDays(365);

  // Ids become directory names (executor_<k>/<id>): a token, never a path.
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_ID_LENGTH + "}");
  private static final Pattern DOTS = Pattern.compile("\\.+");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
  private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:");
  private static final Pattern BRACKETS = Pattern.compile("\\[[^]]*]");
  private static final Pattern BRACES = Pattern.compile("\\{[^}]*}");

  private PlanValidator() {}

  /**
   * Whether a task id is a token a run can use as a directory name: letters, digits, {@code _},
   * {@code -} and {@code .}, not only dots, at most {@value #MAX_ID_LENGTH} characters.
   */
  public static boolean isValidId(String id) {
    return ID.matcher(id).matches() && !DOTS.matcher(id).matches();
  }

  // An id as a message names it: as it is when it is a token, else quoted and escaped.
  private static String named(String id) {
    return isValidId(id) ? id : shown(id);
  }

  /** A text as it can be shown in a message: control characters escaped, at most 60 characters. */
  public static String shown(String text) {
    String cut = text.length() > 60 ? text.substring(0, 60) + "…" : text;
    StringBuilder shown = new StringBuilder("\"");
    cut.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                shown.append(String.format(Locale.ROOT, "\\u%04X", c));
              } else {
                shown.appendCodePoint(c);
              }
            });
    return shown.append('"').toString();
  }

  /**
   * Returns the plan when it is valid.
   *
   * @param source where the plan came from, for the message (a file name, "planner")
   * @throws InvalidPlanException listing every problem
   */
  public static Plan requireValid(Plan plan, String source) {
    List<String> problems = problems(plan);
    if (!problems.isEmpty()) {
      throw new InvalidPlanException(source, problems);
    }
    return plan;
  }

  /** The problems of one task on its own (name, ranges), empty when there are none. */
  public static List<String> problemsOf(Task task) {
    List<String> problems = new ArrayList<>();
    if (!task.id().isBlank() && !isValidId(task.id())) {
      problems.add(
          "task id "
              + shown(task.id())
              + " is not a token; use letters, digits, '_', '-' and '.' (not only dots), at most "
              + MAX_ID_LENGTH
              + " characters, e.g. task_1");
      return problems; // the other messages would repeat the bad id
    }
    if (CONTROL.matcher(task.name()).find()) {
      problems.add(
          task.id()
              + " has a name with a control character or line break ("
              + shown(task.name())
              + "); use plain text on one line");
    }
    if (task.name().isBlank()) {
      problems.add(task.id() + " has an empty name; give it a short name");
    }
    if (task.name().length() > MAX_NAME_LENGTH) {
      problems.add(
          task.id()
              + " has a name of "
              + task.name().length()
              + " characters; give it a short name of at most "
              + MAX_NAME_LENGTH
              + " (the description holds the detail)");
    }
    for (String claim : task.files()) {
      claimProblem(claim)
          .ifPresent(
              problem ->
                  problems.add(
                      task.id()
                          + " claims "
                          + shown(claim)
                          + " in files, "
                          + problem
                          + "; claim paths inside the project, relative to it, with '/', e.g."
                          + " src/api/** or README.md"));
    }
    if (task.priority() < Task.HIGHEST_PRIORITY || task.priority() > Task.LOWEST_PRIORITY) {
      problems.add(
          task.id() + " has priority " + task.priority() + "; use 1 (highest) to 5 (lowest)");
    }
    if (task.estimatedDuration().isNegative()) {
      problems.add(task.id() + " has a negative estimated_duration; use e.g. \"30min\"");
    }
    if (task.estimatedDuration().compareTo(MAX_ESTIMATED_DURATION) > 0) {
      problems.add(
          task.id() + " has an estimated_duration over a year; use e.g. \"2hrs\" or \"3 days\"");
    }
    return problems;
  }

  // A claim names files of the project: a relative path with '/' that stays inside it. What a
  // shell or another system would read differently is refused here, not found out at run time.
  private static Optional<String> claimProblem(String claim) {
    if (claim.isBlank()) {
      return Optional.of("which is empty");
    }
    if (CONTROL.matcher(claim).find()) {
      return Optional.of("which holds a control character");
    }
    if (claim.indexOf('\\') >= 0) {
      return Optional.of("which holds a backslash");
    }
    if (claim.startsWith("/") || claim.startsWith("~") || DRIVE.matcher(claim).lookingAt()) {
      return Optional.of("which is not relative to the project");
    }
    if (Arrays.asList(claim.split("/")).contains("..")) {
      return Optional.of("which leads out of the project with '..'");
    }
    if (Arrays.stream(claim.split("/")).anyMatch(PlanValidator::namesGit)) {
      return Optional.of("which is under .git, git's own directory");
    }
    return Optional.empty();
  }

  // A segment that names .git in any case (case-insensitive file systems read .GIT as .git), or a
  // glob such as .g?t that matches it. A bare * or ** may, but claims every other name too.
  private static boolean namesGit(String segment) {
    if (segment.equals("*") || segment.equals("**")) {
      return false;
    }
    // [..] stands for one character and {..} for any text, erring towards refusal. The patterns
    // are compiled once: every segment of every claim passes here (60,000 in a 10,000-task plan).
    String glob = segment.toLowerCase(Locale.ROOT);
    if (glob.indexOf('[') >= 0 || glob.indexOf('{') >= 0) {
      glob = BRACES.matcher(BRACKETS.matcher(glob).replaceAll("?")).replaceAll("*");
    }
    return FilePatterns.segmentsMeet(".git", glob);
  }

  /** Every problem of the plan, empty when it is valid. */
  public static List<String> problems(Plan plan) {
    List<String> problems = new ArrayList<>();
    if (plan.tasks().isEmpty()) {
      problems.add("the plan has no tasks; add at least one task");
    }
    if (plan.executorBudget() < 1) {
      problems.add("executor_budget is " + plan.executorBudget() + "; use 1 or more executors");
    }
    if (plan.executorBudget() > MAX_EXECUTORS) {
      problems.add(
          "executor_budget is "
              + plan.executorBudget()
              + "; use at most "
              + MAX_EXECUTORS
              + " executors");
    }
    Map<String, Integer> uses = new HashMap<>();
    boolean graphKnown = true;
    for (int i = 0; i < plan.tasks().size(); i++) {
      Task task = plan.tasks().get(i);
      if (task.id().isBlank()) {
        problems.add(
            "task #" + (i + 1) + " has an empty id; give it a unique id such as task_" + (i + 1));
        graphKnown = false;
        continue;
      }
      uses.merge(task.id(), 1, Integer::sum);
      problems.addAll(problemsOf(task));
    }
    uses.forEach(
        (id, count) -> {
          if (count > 1) {
            problems.add(
                "task id "
                    + named(id)
                    + " is used by "
                    + count
                    + " tasks; give each task its own id");
          }
        });
    graphKnown &= uses.values().stream().allMatch(count -> count == 1);
    Set<String> ids = new HashSet<>(uses.keySet());
    for (Map.Entry<String, List<String>> entry : plan.dependencies().entrySet()) {
      String id = entry.getKey();
      if (!ids.contains(id)) {
        problems.add(
            "dependencies lists "
                + named(id)
                + ", which is not in the plan; add the task or remove the entry");
        graphKnown = false;
        continue;
      }
      for (String dependency : entry.getValue()) {
        if (dependency.equals(id)) {
          problems.add(id + " depends on itself; remove " + id + " from its own dependencies");
          graphKnown = false;
        } else if (!ids.contains(dependency)) {
          problems.add(
              id
                  + " depends on "
                  + named(dependency)
                  + ", which is not in the plan; add "
                  + named(dependency)
                  + " or remove the dependency");
          graphKnown = false;
        }
      }
    }
    if (graphKnown && !plan.tasks().isEmpty()) {
      TaskGraph.of(plan)
          .findCycle()
          .ifPresent(
              cycle ->
                  problems.add(
                      "dependency cycle "
                          + String.join(" -> ", cycle)
                          + "; remove one of these dependencies"));
    }
    return problems;
  }
}
