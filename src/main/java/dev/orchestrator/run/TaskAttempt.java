package dev.orchestrator.run;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.FileScan;
import dev.orchestrator.SafeFiles;
import dev.orchestrator.agent.Agent;
import dev.orchestrator.agent.AgentException;
import dev.orchestrator.agent.TaskAssignment;
import dev.orchestrator.agent.TaskWorkspace;
import dev.orchestrator.process.AgentFiles;
import dev.orchestrator.process.ProgressSink;
import dev.orchestrator.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One attempt at one task, the unit of work every engine runs: a fresh workspace, the agent working
 * in it (the agent plants the dependencies' files it needs), and the manifest of what it produced.
 * It knows nothing of queues, retries or journals, so the local dispatcher and a remote worker call
 * it alike.
 */
public final class TaskAttempt {

  private final Agent agent;
  private final AttemptTimer timer;

  /**
   * @param timer bounds the agent's time; {@link AttemptTimer#UNLIMITED} for no limit
   */
  public TaskAttempt(Agent agent, AttemptTimer timer) {
    this.agent = requireNonNull(agent, "agent");
    this.timer = requireNonNull(timer, "timer");
  }

  /**
   * What the summary records of an attempt that did not complete (a completed one reports its own
   * details): what confined the agent, when it starts processes.
   */
  Map<String, String> failureDetails() {
    String sandbox = agent.sandbox();
    return sandbox == null ? Map.of() : Map.of(Sandbox.DETAIL, sandbox);
  }

  /**
   * Runs the attempt on the calling thread.
   *
   * @throws AgentException if the agent did not succeed, including {@link AttemptTimer.TimedOut}
   * @throws InterruptedException if the thread was interrupted (the attempt was cancelled)
   * @throws UncheckedIOException if the attempt directory cannot be prepared or read
   */
  public AttemptOutput run(AttemptRequest request, ProgressSink progress)
      throws InterruptedException {
    try {
      // The directory comes from RunPaths.attemptDirectory; only it is cleared, never above it.
      OutputDirectory.deleteTree(request.directory().getParent(), request.directory());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + request.directory(), e);
    }
    TaskWorkspace workspace = new TaskWorkspace(request.directory());
    TaskAssignment assignment =
        new TaskAssignment(
            request.plan(),
            request.task(),
            request.executor(),
            request.number(),
            workspace,
            request.dependencyOutputs(),
            progress);
    var result = timer.call(() -> agent.execute(assignment));
    // Whatever the agent is, what it left is held to the workspace's size caps before it is kept.
    // The caps' one walk also lists the manifest and the files with other names: an agent may
    // have left hard links to files outside, and the output keeps copies of its own instead, so
    // nothing done to it later (scrubbing, a dependent's edits) reaches those files.
    FileScan files = workspace.enforceCaps(AgentFiles::contains);
    try {
      SafeFiles.detachHardLinks(files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the hard-linked files of " + files.root(), e);
    }
    return new AttemptOutput(result, FileHashes.of(files), true);
  }
}
