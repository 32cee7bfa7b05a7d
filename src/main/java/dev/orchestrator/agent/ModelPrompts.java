package dev.orchestrator.agent;

import dev.orchestrator.plan.EstimatedDuration;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.Task;
import java.util.List;

/**
 * What a language-model agent is told. The system prompt holds only what every executor of a run
 * shares, the rules, the requirement and the whole plan, byte for byte the same for each task, so
 * that the provider's prompt cache serves it to all of them; the task, its acceptance criteria and
 * its dependencies' files follow in the first user message.
 */
final class ModelPrompts {

  private ModelPrompts() {}

  static String system(Plan plan) {
    return String.join(
        "\n",
        "You are one of several coding agents that build one project together, at the same time."
            + " Each agent does one task of the plan below; the files of the tasks it depends on"
            + " are given to it. Write complete, working code and tests, not placeholders.",
        "",
        "Rules:",
        TaskPrompt.LAYOUT.strip(),
        "- Write the files your task owns (its \"files\" in the plan); other tasks own the rest,"
            + " and may be writing them right now.",
        "- Build on your dependencies' files as they are: import them, do not rewrite them.",
        "- Also write a "
            + FileTools.README
            + " at the top that says what your part does and"
            + " how to run and test it.",
        "",
        "# Requirement",
        "",
        plan.requirements(),
        "",
        "# The plan (execution_plan.json)",
        "",
        PlanJson.write(plan).strip());
  }

  static String task(Task task, Plan plan, String dependencyFiles, boolean tools) {
    StringBuilder text = new StringBuilder();
    text.append("# Your task: ").append(task.id()).append(" - ").append(task.name()).append("\n\n");
    text.append(task.description()).append("\n\n");
    text.append("Priority ")
        .append(task.priority())
        .append(", effort ")
        .append(task.estimatedEffort().label())
        .append(", estimated ")
        .append(EstimatedDuration.format(task.estimatedDuration()))
        .append(".\n\nAcceptance criteria:\n");
    task.acceptanceCriteria().forEach(c -> text.append("- ").append(c).append('\n'));
    text.append("\nFiles your task owns: ")
        .append(
            task.files().isEmpty()
                ? "not declared; choose paths that fit the layout"
                : String.join(", ", task.files()))
        .append('\n');
    List<String> dependencies = plan.dependenciesOf(task.id());
    if (!dependencies.isEmpty()) {
      text.append("It builds on: ").append(String.join(", ", dependencies)).append('\n');
    }
    if (!dependencyFiles.isEmpty()) {
      text.append("\n# Files your dependencies produced\n\n").append(dependencyFiles);
    }
    text.append('\n').append(tools ? toolInstructions() : textInstructions());
    return text.toString();
  }

  static String toolInstructions() {
    return "Write each file with "
        + FileTools.WRITE_FILE
        + " (the whole content), use "
        + FileTools.READ_FILE
        + " and "
        + FileTools.LIST_FILES
        + " as you need, and call "
        + FileTools.FINISH
        + " with a short summary when the task is done.";
  }

  static String textInstructions() {
    return "Reply with every file of your task as a fenced code block whose first line names its"
        + " path, like this:\n```python path=src/app.py\nprint(\"hello\")\n```\nOne block per"
        + " file, each file whole.";
  }

  static String cutOff(List<String> written) {
    return "Your reply was cut off at the output limit."
        + (written.isEmpty() ? "" : " Written so far: " + String.join(", ", written) + ".")
        + " Continue with the files that are still missing, one at a time.";
  }

  static String refused(List<String> problems) {
    return "Some files were not written:\n- "
        + String.join("\n- ", problems)
        + "\nWrite them again at paths inside the project.";
  }

  static String nothingWritten(boolean tools) {
    return "No file was written yet. " + (tools ? toolInstructions() : textInstructions());
  }
}
