package dev.orchestrator.process;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.orchestrator.ConfigurationException;
import dev.orchestrator.Secrets;
import dev.orchestrator.sandbox.Sandbox;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one command-line agent (Claude Code, or any command) as a child process and owns its whole
 * process tree: when the agent exits, or the waiting thread is interrupted (cancellation, {@code
 * --task-timeout}), every process it started is ended too, and agents die with this JVM ({@link
 * ProcessSession}).
 *
 * <p>Standard error goes straight to a log file; standard output is read line by line, in bounded
 * memory ({@link BoundedLines}), on a helper thread, copied to its own log file and handed to a
 * line consumer, so the calling thread only ever blocks in {@link Process#waitFor()}, which an
 * interrupt ends.
 */
public final class AgentProcess {

  private static final Logger log = LoggerFactory.getLogger(AgentProcess.class);

  /** How long the rest of standard output may take once the agent exited (see {@link #run}). */
  private static final Duration DRAIN = Duration.ofSeconds(10);

  private static final int TAIL_CHARS = 600;

  private static final long MAX_LOG_BYTES = 64L << 20;

  private static final ProcessSession SESSION = ProcessSession.forThisSystem();

  // Claude Code's stream-json lines carry whole tool results, so a line may be long; a line of
  // gigabytes is cut at 8 Mi characters, and the log stops growing at 64 Mi characters.
  private static final BoundedLines OUTPUT = new BoundedLines(8 << 20, 64L << 20);

  private AgentProcess() {}

  /**
   * How a finished agent process ended.
   *
   * @param status its exit status
   * @param elapsed from start to exit
   * @param stderrTail the end of its standard error, trimmed; empty when it wrote none
   */
  public record Exit(int status, Duration elapsed, String stderrTail) {

    /** "exit status 3 after 1.2s", and the end of standard error when there is one. */
    public String describe() {
      String text =
          String.format(
              Locale.ROOT, "exit status %d after %.1fs", status, elapsed.toMillis() / 1000.0);
      return stderrTail.isEmpty() ? text : text + "; its standard error ends with: " + stderrTail;
    }
  }

  /**
   * Where an agent's command runs, what it reads and where its output goes.
   *
   * @param command the program (an absolute path, see {@link AgentProcess#locate}) and its
   *     arguments
   * @param environment the agent's whole environment (it inherits nothing else)
   * @param stdin a file fed to its standard input, or null for an empty input
   * @param secrets masked in every line of output before it is logged or handed on, and in the
   *     standard error log once the agent exited
   * @param sandbox what confines the command ({@link Sandbox#wrap}); {@code directory} is writable
   */
  public record Launch(
      List<String> command,
      Path directory,
      Map<String, String> environment,
      Path stdin,
      Path stdoutLog,
      Path stderrLog,
      Secrets secrets,
      Sandbox sandbox) {

    /** An unconfined launch. */
    public Launch(
        List<String> command,
        Path directory,
        Map<String, String> environment,
        Path stdin,
        Path stdoutLog,
        Path stderrLog,
        Secrets secrets) {
      this(command, directory, environment, stdin, stdoutLog, stderrLog, secrets, Sandbox.none());
    }

    public Launch {
      command = List.copyOf(command);
      Objects.requireNonNull(directory, "directory");
      environment = Map.copyOf(environment);
      Objects.requireNonNull(stdoutLog, "stdoutLog");
      Objects.requireNonNull(stderrLog, "stderrLog");
      Objects.requireNonNull(secrets, "secrets");
      Objects.requireNonNull(sandbox, "sandbox");
    }
  }

  /**
   * Runs the command to its end.
   *
   * @param stdoutLines receives each line of standard output, on a helper thread, in order; every
   *     call happens before this method returns normally, unless a process the agent left running
   *     keeps its output open for more than 10 s after it exited (then the rest is not read)
   * @throws IOException if the program cannot be started (removed, not executable)
   * @throws InterruptedException if the calling thread is interrupted; the agent's whole process
   *     tree has then been ended
   */
  public static Exit run(Launch launch, Consumer<String> stdoutLines)
      throws IOException, InterruptedException {
    Files.createDirectories(launch.stdoutLog().getParent());
    Files.createDirectories(launch.stderrLog().getParent());
    ProcessSession session = SESSION;
    String program = launch.command().get(0);
    if (session.isolated() && program.contains("/") && !Files.isExecutable(Path.of(program))) {
      // Behind the session's shell the start itself would succeed: fail as a direct start does.
      throw new IOException("Cannot run program \"" + program + "\": no such executable file");
    }
    List<String> confined =
        launch.sandbox().wrap(launch.command(), launch.directory(), launch.environment());
    ProcessBuilder builder =
        new ProcessBuilder(session.command(confined, launch.stdin()))
            .directory(launch.directory().toFile())
            .redirectError(launch.stderrLog().toFile());
    builder.environment().clear();
    builder.environment().putAll(launch.environment());
    if (!session.isolated() && launch.stdin() != null) {
      builder.redirectInput(launch.stdin().toFile());
    }
    long started = System.nanoTime();
    Process process = builder.start();
    if (!session.isolated() && launch.stdin() == null) {
      process.getOutputStream().close();
    }
    // Isolated, the standard input pipe stays open and unwritten: the watchdog's line to this JVM.
    Thread reader =
        new Thread(() -> copyLines(process, launch, stdoutLines), "agent-stdout-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    try {
      int status = process.waitFor();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      int leftovers = session.end(process);
      if (leftovers > 0) {
        log.info(
            "{} exited; ended {} processes it left running", launch.command().get(0), leftovers);
      }
      process.getOutputStream().close();
      reader.join(DRAIN.toMillis());
      if (reader.isAlive()) {
        log.warn(
            "{} exited, but a process it started still holds its output open; not reading the rest",
            launch.command().get(0));
      }
      capLog(launch.stderrLog());
      launch.secrets().scrub(launch.stderrLog());
      return new Exit(status, elapsed, launch.secrets().mask(tail(launch.stderrLog())));
    } catch (InterruptedException e) {
      int ended = session.end(process);
      log.info("ended agent process {} and {} processes it started", process.pid(), ended);
      process.getOutputStream().close();
      throw e;
    }
  }

  private static void copyLines(Process process, Launch launch, Consumer<String> lines) {
    try (Writer out = Files.newBufferedWriter(launch.stdoutLog(), UTF_8)) {
      OUTPUT.copy(
          process.getInputStream(),
          out,
          launch.secrets()::mask,
          line -> {
            try {
              lines.accept(line);
            } catch (RuntimeException e) {
              log.warn("could not handle a line of agent output: {}", line, e);
            }
          });
    } catch (IOException e) {
      // The stream closes under us when the process is destroyed.
      log.debug("stopped reading the output of process {}", process.pid(), e);
    }
  }

  // Standard error goes to its file without us in between: cut it to the cap once the agent exited.
  private static void capLog(Path file) throws IOException {
    if (Files.exists(file) && Files.size(file) > MAX_LOG_BYTES) {
      String tail = tail(file);
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(MAX_LOG_BYTES);
      }
      Files.writeString(
          file,
          "\n[cut at " + MAX_LOG_BYTES + " bytes; it ended with:]\n" + tail + "\n",
          StandardOpenOption.APPEND);
    }
  }

  // The end of a log that may be as large as the disk allows, at most TAIL_CHARS characters.
  private static String tail(Path file) {
    LogTail tail = LogTail.read(file, TAIL_CHARS * 4);
    String text = tail.text().strip();
    return text.length() <= TAIL_CHARS && tail.skippedBytes() == 0
        ? text
        : "…" + text.substring(Math.max(0, text.length() - TAIL_CHARS));
  }

  /**
   * The program a command names, as an absolute path: a name without {@code /} is looked up in the
   * {@code PATH} of the given environment (not of this JVM), a path is taken relative to the
   * working directory.
   *
   * @param hint what the user can do instead, appended to the message
   * @throws ConfigurationException if the program does not exist or is not executable
   */
  public static Path locate(String program, Map<String, String> environment, String hint) {
    if (program.contains("/")) {
      Path path = Path.of(program).toAbsolutePath();
      if (!Files.exists(path)) {
        throw new ConfigurationException(program + " does not exist; " + hint);
      }
      return requireExecutable(path, hint);
    }
    // Like a shell: the first executable match wins; a match that is not executable is reported
    // only when there is no executable one.
    Path notExecutable = null;
    for (String directory : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(directory).resolve(program).toAbsolutePath();
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
      if (Files.isRegularFile(candidate) && notExecutable == null) {
        notExecutable = candidate;
      }
    }
    if (notExecutable != null) {
      return requireExecutable(notExecutable, hint);
    }
    throw new ConfigurationException(program + " was not found on PATH; " + hint);
  }

  private static Path requireExecutable(Path path, String hint) {
    if (Files.isDirectory(path)) {
      throw new ConfigurationException(path + " is a directory, not a program; " + hint);
    }
    if (!Files.isExecutable(path)) {
      throw new ConfigurationException(
          path + " is not executable; make it executable (chmod +x " + path + ") or " + hint);
    }
    return path;
  }
}
