package dev.orchestrator.agent;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.process.AgentFiles;
import dev.orchestrator.process.ClaudeCode;
import dev.orchestrator.process.ClaudeResult;
import dev.orchestrator.process.ProcessFailure;
import dev.orchestrator.sandbox.Sandbox;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a task with Claude Code: {@code claude -p} runs in the task's workspace with the task
 * prompt, may edit files there ({@code --permission-mode acceptEdits}, or no questions asked at all
 * when the user chose to skip permissions), and what it leaves in the workspace is the task's
 * output.
 *
 * <p>The files of the tasks this one depends on are copied in first and removed again when
 * unchanged ({@link WorkspaceSeed}). The prompt and claude's event stream and standard error stay
 * in {@value AgentFiles#DIRECTORY}/ of the workspace. Turns and tool uses are reported as progress;
 * the result's tokens (cache tokens included) and {@code total_cost_usd} become the task's usage,
 * and its session id, turns, duration, subtype, model and permission denials the task's details.
 * Known secrets are masked in its output as it is read and in every file it leaves.
 *
 * <p>An interrupt (cancellation, task timeout) ends claude and every process it started.
 */
public final class ClaudeCodeAgent implements Agent {

  private static final Logger log = LoggerFactory.getLogger(ClaudeCodeAgent.class);

  private final ClaudeCode claude;

  public ClaudeCodeAgent(ClaudeCode claude) {
    this.claude = requireNonNull(claude, "claude");
  }

  @Override
  public String sandbox() {
    return claude.sandbox().label();
  }

  /**
   * {@inheritDoc}
   *
   * @throws AgentException if claude cannot start, ends without a result or reports an error; a
   *     turn limit reached is not retryable
   */
  @Override
  public AgentResult execute(TaskAssignment assignment) throws InterruptedException {
    TaskWorkspace workspace = assignment.workspace();
    AgentFiles files = AgentFiles.in(workspace.root());
    WorkspaceSeed seed = WorkspaceSeed.plant(workspace, assignment.dependencyOutputs());
    files.writePrompt(TaskPrompt.forWorkspace(assignment, seed.filesByTask()));
    ClaudeResult result;
    try {
      result = claude.edit(workspace.root(), files, assignment.progress());
    } catch (ProcessFailure e) {
      throw new AgentException(e.getMessage(), e.retryable(), e, e.usage());
    } finally {
      int removed = seed.removeUnchanged();
      log.debug("{}: removed {} unchanged dependency files", assignment.task().id(), removed);
      // A key claude saw (in a file, a command's output) must not stay in what it wrote.
      claude.secrets().scrubTree(workspace.root());
    }
    try {
      workspace.enforceCaps(AgentFiles::contains);
    } catch (WorkspaceViolation e) {
      throw new AgentException(
          "claude exceeded a size limit: " + e.getMessage(), false, null, result.usage());
    }
    String summary =
        result.text().isBlank()
            ? "claude finished " + assignment.task().id()
            : result.text().strip();
    Map<String, String> details = new HashMap<>(result.details());
    details.put(Sandbox.DETAIL, claude.sandbox().label());
    return new AgentResult(summary, result.usage(), details);
  }
}
