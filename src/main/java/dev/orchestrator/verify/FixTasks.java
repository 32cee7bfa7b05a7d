package dev.orchestrator.verify;

import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the failures of a round into one fix task per owning task. A fix task claims the files its
 * owner claims, carries the failing output (trimmed), the files involved and the owner's acceptance
 * criteria, and is named {@code <owner>-fix<round>}, so that a later round's failure in a file a
 * fix task wrote goes back to the same owner.
 */
public final class FixTasks {

  private static final Pattern FIX_ID = Pattern.compile("(.+)-fix(\\d+)");
  private static final int DESCRIPTION_CHARS = 12_000;

  private FixTasks() {}

  /** The task a fix task repairs, following fixes of fixes; the id itself for any other task. */
  public static String ownerOf(String taskId) {
    String id = taskId;
    for (Matcher m = FIX_ID.matcher(id); m.matches(); m = FIX_ID.matcher(id)) {
      id = m.group(1);
    }
    return id;
  }

  /** The number of repair rounds whose fix tasks are in the plan already (a resumed run's). */
  public static int roundsIn(Plan plan) {
    int rounds = 0;
    for (Task task : plan.tasks()) {
      Matcher m = FIX_ID.matcher(task.id());
      if (m.matches()) {
        rounds = Math.max(rounds, Integer.parseInt(m.group(2)));
      }
    }
    return rounds;
  }

  /**
   * The fix tasks of a repair round, in plan order of their owners; failures nobody owns are left.
   */
  static List<Task> of(int round, List<RoundResult.FailureDetail> failures, Plan plan) {
    List<Task> fixes = new ArrayList<>();
    for (Task task : plan.tasks()) {
      if (!task.id().equals(ownerOf(task.id()))) {
        continue; // a fix task of an earlier round: its owner gets the fix
      }
      List<RoundResult.FailureDetail> owned =
          failures.stream().filter(f -> f.owners().contains(task.id())).toList();
      if (!owned.isEmpty()) {
        fixes.add(fixTask(round, task, owned));
      }
    }
    return fixes;
  }

  private static Task fixTask(int round, Task owner, List<RoundResult.FailureDetail> failures) {
    StringBuilder text = new StringBuilder();
    text.append("Repair round ")
        .append(round)
        .append(": after the tasks' work was merged, the project's tests were run and ")
        .append(failures.size())
        .append(failures.size() == 1 ? " failure involves" : " failures involve")
        .append(" files of task ")
        .append(owner.id())
        .append(" (\"")
        .append(owner.name())
        .append("\"). Find the cause and fix it, in the code or in the test, whichever is wrong;")
        .append(" keep the rest of the project working.\n\nThe original task: ")
        .append(owner.description().strip())
        .append('\n');
    for (RoundResult.FailureDetail failure : failures) {
      text.append("\n### ").append(failure.test()).append('\n');
      if (!failure.files().isEmpty()) {
        text.append("Files involved: ").append(String.join(", ", failure.files())).append('\n');
      }
      text.append("```\n").append(failure.output().strip()).append("\n```\n");
    }
    String description =
        text.length() <= DESCRIPTION_CHARS
            ? text.toString()
            : text.substring(0, DESCRIPTION_CHARS) + "\n[… more failures left out]\n";
    List<String> criteria = new ArrayList<>();
    criteria.add(
        "These tests pass: "
            + String.join(", ", failures.stream().map(RoundResult.FailureDetail::test).toList()));
    criteria.addAll(owner.acceptanceCriteria());
    return new Task(
        owner.id() + "-fix" + round,
        "Fix " + owner.name() + " (repair round " + round + ")",
        description,
        owner.priority(),
        owner.estimatedEffort(),
        owner.estimatedDuration(),
        criteria,
        owner.files());
  }
}
