package dev.orchestrator.agent;

import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import dev.orchestrator.process.AgentFiles;
import java.util.List;
import java.util.Map;

/**
 * The instructions a coding agent gets for one task: the requirement, the whole plan (so it knows
 * what the other executors are doing), its own task with acceptance criteria and owned files, the
 * files of the tasks it depends on, and how to deliver. Plain Markdown, the same for every kind of
 * agent.
 */
public final class TaskPrompt {

  /**
   * The layout rule of consolidation (a build file at the root claims the paths as written; loose
   * files are sorted), said so that the agents write the project the way it will be built and
   * tested after their work is merged.
   */
  static final String LAYOUT =
      "- Write every file inside the current directory, with paths relative to the project root."
          + " The merged project is built and tested with its own toolchain, so lay it out the way"
          + " that toolchain expects: when the project has a build file (pom.xml, build.gradle,"
          + " package.json, go.mod, Cargo.toml, pyproject.toml or requirements.txt), keep that file"
          + " at the project root and every other file at the path the toolchain looks for"
          + " (Maven: src/main/java and src/test/java; Go: tests beside their package; Node:"
          + " a \"test\" script in package.json, e.g. \"node --test\"). Files of a project without"
          + " a build file are sorted: source code to src/, tests to tests/, documentation to"
          + " docs/.\n"
          + "- Write tests that the toolchain's standard command runs (pytest, npm test or node"
          + " --test, mvn test, gradle test, go test ./..., cargo test); they are run after the"
          + " tasks are merged, and failures come back to the task that owns the files.\n";

  private TaskPrompt() {}

  /**
   * The prompt of an agent that works in its workspace directory, where the dependencies' files
   * have been placed (see {@link WorkspaceSeed}).
   *
   * @param dependencyFiles for each dependency, the workspace-relative paths of its files
   */
  public static String forWorkspace(
      TaskAssignment assignment, Map<String, List<String>> dependencyFiles) {
    Plan plan = assignment.plan();
    Task task = assignment.task();
    StringBuilder text = new StringBuilder();
    text.append(
            "You are one of several coding agents building one project together. Each agent works"
                + " on one task of a shared plan, at the same time as the others. Do your task,"
                + " completely, in the current working directory.\n\n")
        .append("## The requirement\n\n")
        .append(plan.requirements().strip())
        .append("\n\n## The plan\n\n")
        .append(plan.tasks().size())
        .append(" tasks; yours is marked with \"(your task)\".\n\n");
    for (Task other : plan.tasks()) {
      text.append("- ").append(other.id()).append(" \"").append(other.name()).append('"');
      List<String> waits = plan.dependenciesOf(other.id());
      if (!waits.isEmpty()) {
        text.append(", after ").append(String.join(", ", waits));
      }
      if (other.id().equals(task.id())) {
        text.append(" (your task)");
      }
      if (!other.files().isEmpty()) {
        text.append(" [owns ").append(String.join(", ", other.files())).append(']');
      }
      text.append(": ").append(oneLine(other.description()));
      text.append('\n');
    }
    text.append("\n## Your task: ")
        .append(task.id())
        .append(" — ")
        .append(task.name())
        .append("\n\n");
    text.append(task.description().strip()).append("\n\n");
    if (!task.acceptanceCriteria().isEmpty()) {
      text.append("Acceptance criteria:\n");
      task.acceptanceCriteria().forEach(c -> text.append("- ").append(c).append('\n'));
      text.append('\n');
    }
    if (!task.files().isEmpty()) {
      text.append("Files you own: ")
          .append(String.join(", ", task.files()))
          .append(". Put your work there; other tasks own other paths.\n\n");
    }
    text.append("## Work of the tasks yours depends on\n\n");
    if (dependencyFiles.values().stream().allMatch(List::isEmpty)) {
      text.append("None: no earlier task's files are needed for yours.\n\n");
    } else {
      text.append(
          "Their files are already in your working directory. Build on them; change them only"
              + " where your task needs it.\n");
      dependencyFiles.forEach(
          (id, files) -> {
            if (!files.isEmpty()) {
              text.append("- ")
                  .append(id)
                  .append(": ")
                  .append(String.join(", ", files))
                  .append('\n');
            }
          });
      text.append('\n');
    }
    text.append("## How to deliver\n\n")
        .append(LAYOUT)
        .append(
            "- Write a short README.md in the current directory: what you built, how to run it"
                + " and its tests.\n")
        .append(
            "- Make every acceptance criterion true with real, working code, not placeholders.\n")
        .append(
            "- Do not start servers or other long-running processes, and do not wait for input.\n")
        .append("- Leave the ")
        .append(AgentFiles.DIRECTORY)
        .append("/ directory alone: it holds this prompt and logs.\n")
        .append("- End with a short summary of what you did.\n");
    return text.toString();
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }
}
