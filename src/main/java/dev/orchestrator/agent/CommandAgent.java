package dev.orchestrator.agent;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.Secrets;
import dev.orchestrator.process.AgentFiles;
import dev.orchestrator.process.AgentProcess;
import dev.orchestrator.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Executes a task with any command-line coding agent ({@code --executor command --agent-command
 * '…'}). The command runs once per attempt, without a shell, in the task's workspace as working
 * directory; the files it creates or changes there are the task's output, and its exit status
 * decides success.
 *
 * <p>The prompt ({@link TaskPrompt}) reaches the agent through the placeholders of {@link
 * CommandTemplate} ({@code {prompt_file}}, {@code {prompt}}); when the command uses neither, it is
 * written to the agent's standard input instead (otherwise standard input is empty, so an agent
 * that reads both gets the prompt once). The placeholders' values are also in the environment
 * ({@link CommandTemplate#environment}), for wrapper scripts. The files of the tasks this one
 * depends on are copied in first and removed again when unchanged ({@link WorkspaceSeed}).
 *
 * <p>Each line the agent prints is reported as progress. Its standard output and standard error are
 * kept in {@code .agent/stdout.log} and {@code .agent/stderr.log} of the workspace, beside {@code
 * .agent/prompt.md}; they stay with the raw output and are not consolidated into the project.
 *
 * <p>A non-zero exit fails the attempt with the end of the agent's standard error; it is retryable
 * unless the status is 126 or 127 (the shell's "cannot execute" and "not found"). An interrupt
 * (cancellation, task timeout) ends the agent and every process it started.
 */
public final class CommandAgent implements Agent {

  /** What to do when the agent's program is missing. */
  public static final String HINT =
      "check the program of --agent-command, or choose another --executor";

  // A confined agent that fails may have failed for the confinement: say so, and what helps.
  private static final String CONFINED =
      "(it ran in the bwrap sandbox: it may write only its workspace; --sandbox-writable PATH"
          + " allows more, --sandbox off runs it unconfined)";

  private static final int SHOWN = 100;

  private final CommandTemplate template;
  private final Path program;
  private final Map<String, String> environment;
  private final Secrets secrets;
  private final Sandbox sandbox;

  /** An unconfined agent; see {@link #CommandAgent(CommandTemplate, Map, Secrets, Sandbox)}. */
  public CommandAgent(CommandTemplate template, Map<String, String> environment, Secrets secrets) {
    this(template, environment, secrets, Sandbox.none());
  }

  /**
   * @param environment the agent's whole environment; its {@code PATH} finds the program
   * @param secrets masked in what the agent prints and in every file it leaves in its workspace
   * @param sandbox what confines the agent; the task's workspace is writable in it
   * @throws dev.orchestrator.ConfigurationException if the program is not found or not executable
   */
  public CommandAgent(
      CommandTemplate template, Map<String, String> environment, Secrets secrets, Sandbox sandbox) {
    this.template = requireNonNull(template, "template");
    this.secrets = requireNonNull(secrets, "secrets");
    this.sandbox = requireNonNull(sandbox, "sandbox");
    this.environment = Map.copyOf(environment);
    this.program = AgentProcess.locate(template.program(), this.environment, HINT);
  }

  /**
   * {@inheritDoc}
   *
   * @throws AgentException if the agent cannot start or exits with a non-zero status
   */
  @Override
  public String sandbox() {
    return sandbox.label();
  }

  @Override
  public AgentResult execute(TaskAssignment assignment) throws InterruptedException {
    TaskWorkspace workspace = assignment.workspace();
    AgentFiles files = AgentFiles.in(workspace.root());
    WorkspaceSeed seed = WorkspaceSeed.plant(workspace, assignment.dependencyOutputs());
    String prompt = TaskPrompt.forWorkspace(assignment, seed.filesByTask());
    files.writePrompt(prompt);
    Map<String, String> values =
        Map.of(
            CommandTemplate.PROMPT, prompt,
            CommandTemplate.PROMPT_FILE, files.prompt().toString(),
            CommandTemplate.WORKSPACE, workspace.root().toString(),
            CommandTemplate.TASK_ID, assignment.task().id());
    List<String> command;
    try {
      command = new ArrayList<>(template.expand(values));
    } catch (IllegalArgumentException e) {
      seed.removeUnchanged();
      throw new AgentException("--agent-command cannot be filled in: " + e.getMessage(), false);
    }
    command.set(0, program.toString());
    Map<String, String> agentEnvironment = new HashMap<>(environment);
    agentEnvironment.putAll(CommandTemplate.environment(values));
    AtomicReference<String> lastLine = new AtomicReference<>("");
    AgentProcess.Exit exit;
    try {
      exit =
          AgentProcess.run(
              new AgentProcess.Launch(
                  command,
                  workspace.root(),
                  agentEnvironment,
                  template.passesPrompt() ? null : files.prompt(),
                  files.stdout(),
                  files.stderr(),
                  secrets,
                  sandbox),
              line -> {
                if (!line.isBlank()) {
                  lastLine.set(shorten(line));
                  assignment.progress().report(lastLine.get(), -1);
                }
              });
    } catch (IOException e) {
      throw new AgentException(
          "cannot start the agent command " + program + " (" + e.getMessage() + "); " + HINT,
          false,
          e);
    } finally {
      seed.removeUnchanged();
      secrets.scrubTree(workspace.root());
    }
    List<String> secretNames = SecretNames.remove(workspace.root(), secrets);
    if (!secretNames.isEmpty()) {
      throw new AgentException(
          template.program()
              + " wrote files whose path holds a secret's value, removed: "
              + String.join(", ", secretNames)
              + "; rename them in the agent's instructions (a secret never goes into a file name)",
          false);
    }
    if (exit.status() != 0) {
      throw new AgentException(
          "the agent command "
              + template.program()
              + " failed with "
              + exit.describe()
              + (sandbox.confines() ? " " + CONFINED : ""),
          exit.status() != 126 && exit.status() != 127);
    }
    List<String> left;
    try {
      left = workspace.enforceCaps(AgentFiles::contains).paths();
    } catch (WorkspaceViolation e) {
      throw new AgentException(
          template.program() + " exceeded a size limit: " + e.getMessage(), false);
    }
    boolean wroteNothing = left.stream().allMatch(AgentFiles::contains);
    String summary =
        wroteNothing
            ? template.program() + " exited with status 0 but wrote no files"
            : lastLine.get().isEmpty() ? template.program() + " finished" : lastLine.get();
    return new AgentResult(
        summary,
        null,
        Map.of(
            "exit_status",
            "0",
            "duration_ms",
            Long.toString(exit.elapsed().toMillis()),
            Sandbox.DETAIL,
            sandbox.label()));
  }

  private static String shorten(String line) {
    String text = line.strip();
    return text.length() <= SHOWN ? text : text.substring(0, SHOWN - 1) + "…";
  }
}
