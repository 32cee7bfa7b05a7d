package dev.orchestrator.process;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.Secrets;
import dev.orchestrator.sandbox.Sandbox;
import dev.orchestrator.usage.TokenUsage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claude Code in headless mode ({@code claude -p}): which binary, in which environment, with which
 * model and turn limit, and how much it may do without asking. It runs one prompt in one directory
 * and returns the final result; the Claude Code executor and planner both use it.
 *
 * <p>The prompt goes to standard input (an argument is capped at 128 KiB on Linux, and a whole plan
 * can be long); the output is {@code --output-format stream-json --verbose}, read as it comes.
 *
 * @param binary the {@code claude} program, an absolute path (see {@link AgentProcess#locate})
 * @param environment the whole environment of the process: {@code PATH}, {@code HOME}, keys
 * @param model {@code --model}, or null for Claude Code's own choice
 * @param maxTurns {@code --max-turns} of a task, or null for no limit
 * @param skipPermissions {@code --dangerously-skip-permissions} instead of {@code --permission-mode
 *     acceptEdits}: the agent may run any command without asking. Only on the user's explicit
 *     request.
 * @param extraArguments further flags, passed as they are after ours
 * @param keepSessions whether claude keeps its sessions under {@code ~/.claude/projects}; by
 *     default it does not ({@code --no-session-persistence}): each task and planning step is a new
 *     run
 * @param secrets masked in claude's output and in the files it leaves in its directory
 * @param spent told the tokens and cost of every run that reported them, failed runs included: the
 *     run's meter, so that {@code --max-cost} counts Claude Code
 * @param sandbox what confines the process; its own state ({@code ~/.claude}, {@code
 *     ~/.claude.json}, {@code $CLAUDE_CONFIG_DIR}) stays writable in it
 */
public record ClaudeCode(
    Path binary,
    Map<String, String> environment,
    String model,
    Integer maxTurns,
    boolean skipPermissions,
    List<String> extraArguments,
    boolean keepSessions,
    Secrets secrets,
    Consumer<TokenUsage> spent,
    Sandbox sandbox) {

  /** The program's name on {@code PATH}. */
  public static final String PROGRAM = "claude";

  /** What to do when the program is missing. */
  public static final String INSTALL_HINT =
      "install Claude Code (https://code.claude.com), give its path with --claude-binary, or"
          + " choose another --executor and --planner";

  private static final Logger log = LoggerFactory.getLogger(ClaudeCode.class);

  public ClaudeCode {
    requireNonNull(binary, "binary");
    requireNonNull(secrets, "secrets");
    requireNonNull(spent, "spent");
    environment = Map.copyOf(environment);
    if (maxTurns != null && maxTurns < 1) {
      throw new IllegalArgumentException("maxTurns must be at least 1, was " + maxTurns);
    }
    extraArguments = List.copyOf(extraArguments);
    requireNonNull(sandbox, "sandbox");
  }

  /**
   * The command line of a task run, without the prompt (it goes to standard input): stream-json
   * output, edits accepted (or every permission skipped), the model and the turn limit.
   */
  public List<String> editCommand() {
    List<String> command = headless();
    if (maxTurns != null) {
      command.addAll(List.of("--max-turns", maxTurns.toString()));
    }
    if (skipPermissions) {
      command.add("--dangerously-skip-permissions");
    } else {
      command.addAll(List.of("--permission-mode", "acceptEdits"));
    }
    command.addAll(extraArguments);
    return command;
  }

  /**
   * The command line of a question that is answered in text only: no tools, so one turn, and the
   * given system prompt instead of Claude Code's own (which is about using tools).
   */
  public List<String> answerCommand(String systemPrompt) {
    List<String> command = headless();
    command.addAll(List.of("--tools", "", "--system-prompt", systemPrompt));
    command.addAll(extraArguments);
    return command;
  }

  // Where Claude Code keeps its settings, session and credentials: it fails without writing them.
  private List<Path> state() {
    List<Path> state = new ArrayList<>();
    String home = environment.get("HOME");
    if (home != null && !home.isBlank()) {
      state.add(Path.of(home, ".claude"));
      state.add(Path.of(home, ".claude.json"));
    }
    String configDirectory = environment.get("CLAUDE_CONFIG_DIR");
    if (configDirectory != null && !configDirectory.isBlank()) {
      state.add(Path.of(configDirectory));
    }
    return state;
  }

  private List<String> headless() {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(List.of("-p", "--output-format", "stream-json", "--verbose"));
    if (!keepSessions) {
      command.add("--no-session-persistence");
    }
    if (model != null) {
      command.addAll(List.of("--model", model));
    }
    return command;
  }

  /**
   * Runs claude on a task in its workspace, where it may edit files ({@link #editCommand}), until
   * it ends.
   *
   * @param files the prompt, fed to standard input, and where the output and errors are logged
   * @param progress hears turns and tool uses as they happen
   * @return the result of a run that succeeded
   * @throws ProcessFailure if claude cannot be started, ends without a result, or reports an error
   *     (see {@link ClaudeResult#failure})
   * @throws InterruptedException if interrupted; claude and every process it started have ended
   */
  public ClaudeResult edit(Path directory, AgentFiles files, ProgressSink progress)
      throws InterruptedException {
    return run(editCommand(), maxTurns, directory, files, progress);
  }

  /**
   * Asks claude a question that it answers in text ({@link #answerCommand}); otherwise as {@link
   * #edit}.
   */
  public ClaudeResult answer(
      String systemPrompt, Path directory, AgentFiles files, ProgressSink progress)
      throws InterruptedException {
    return run(answerCommand(systemPrompt), null, directory, files, progress);
  }

  private ClaudeResult run(
      List<String> command,
      Integer turnLimit,
      Path directory,
      AgentFiles files,
      ProgressSink progress)
      throws InterruptedException {
    ClaudeStream stream = new ClaudeStream(progress, turnLimit);
    AgentProcess.Exit exit;
    try {
      exit =
          AgentProcess.run(
              new AgentProcess.Launch(
                  command,
                  directory,
                  environment,
                  files.prompt(),
                  files.stdout(),
                  files.stderr(),
                  secrets,
                  sandbox.allowing(state())),
              stream);
    } catch (IOException e) {
      throw new ProcessFailure(
          "cannot start " + binary + " (" + e.getMessage() + "); " + INSTALL_HINT, false, e);
    }
    ClaudeResult result = stream.result();
    if (result != null) {
      spent.accept(result.usage());
    }
    if (result == null && stream.events() == 0 && exit.status() != 0 && exit.status() < 128) {
      // Refused before it began: a flag it does not know, --dangerously-skip-permissions as root.
      // The same command would be refused again.
      String hint =
          exit.stderrTail().contains("root")
              ? "as root, --claude-skip-permissions needs IS_SANDBOX=1 in the environment (set it"
                  + " only inside a sandbox), or leave the option out"
              : "check the options given to claude (--claude-arg)"
                  + (sandbox.confines() ? ", or run it with --sandbox off" : "");
      throw new ProcessFailure("claude refused to run (" + exit.describe() + "); " + hint, false);
    }
    if (result == null && sandbox.confines()) {
      throw new ProcessFailure(
          "claude exited without a result ("
              + exit.describe()
              + "); it ran in the bwrap sandbox, which may have kept it from its state or"
              + " network: --sandbox-writable PATH allows more, --sandbox off runs it unconfined",
          true);
    }
    if (result == null) {
      String garbage =
          stream.ignoredLines() == 0
              ? ""
              : "; "
                  + stream.ignoredLines()
                  + " lines of its output were not JSON events (see "
                  + files.stdout()
                  + ")";
      throw new ProcessFailure(
          "claude exited without a result (" + exit.describe() + ")" + garbage, true);
    }
    if (!result.succeeded()) {
      throw result.failure(turnLimit);
    }
    if (exit.status() != 0) {
      log.warn("claude reported success but ended with {}", exit.describe());
    }
    return result;
  }
}
