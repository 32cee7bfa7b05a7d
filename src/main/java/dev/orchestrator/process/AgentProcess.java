package dev.orchestrator.process;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.orchestrator.ConfigurationException;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one command-line agent (Claude Code, or any command) as a child process and owns its whole
 * process tree: an interrupt of the waiting thread (cancellation, {@code --task-timeout}) ends the
 * agent and every process it started, not only the first one.
 *
 * <p>Standard error goes straight to a log file; standard output is read line by line on a helper
 * thread, copied to its own log file and handed to a line consumer, so the calling thread only ever
 * blocks in {@link Process#waitFor()}, which an interrupt ends.
 */
public final class AgentProcess {

  private static final Logger log = LoggerFactory.getLogger(AgentProcess.class);

  /** How long the rest of standard output may take once the agent exited (see {@link #run}). */
  private static final Duration DRAIN = Duration.ofSeconds(10);

  /** How long the processes of a killed agent may take to be gone. */
  private static final Duration GONE = Duration.ofSeconds(5);

  private static final int TAIL_CHARS = 600;

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
   */
  public record Launch(
      List<String> command,
      Path directory,
      Map<String, String> environment,
      Path stdin,
      Path stdoutLog,
      Path stderrLog) {

    public Launch {
      command = List.copyOf(command);
      Objects.requireNonNull(directory, "directory");
      environment = Map.copyOf(environment);
      Objects.requireNonNull(stdoutLog, "stdoutLog");
      Objects.requireNonNull(stderrLog, "stderrLog");
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
    ProcessBuilder builder =
        new ProcessBuilder(launch.command())
            .directory(launch.directory().toFile())
            .redirectError(launch.stderrLog().toFile());
    builder.environment().clear();
    builder.environment().putAll(launch.environment());
    if (launch.stdin() != null) {
      builder.redirectInput(launch.stdin().toFile());
    }
    long started = System.nanoTime();
    Process process = builder.start();
    if (launch.stdin() == null) {
      process.getOutputStream().close();
    }
    Thread reader =
        new Thread(
            () -> copyLines(process, launch.stdoutLog(), stdoutLines),
            "agent-stdout-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    try {
      int status = process.waitFor();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      reader.join(DRAIN.toMillis());
      if (reader.isAlive()) {
        log.warn(
            "{} exited, but a process it started still holds its output open; not reading the rest",
            launch.command().get(0));
      }
      return new Exit(status, elapsed, tail(launch.stderrLog()));
    } catch (InterruptedException e) {
      destroyTree(process);
      throw e;
    }
  }

  /**
   * Kills a process and all of its descendants, then waits a moment for them to be gone, so that
   * none still writes into the workspace when the caller moves it. The descendants are listed and
   * killed while the process still lives: once it is dead they belong to init and are out of reach.
   */
  static void destroyTree(Process process) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.forEach(ProcessHandle::destroyForcibly);
    // Children it started while the first ones were being killed.
    process.descendants().filter(h -> !tree.contains(h)).forEach(tree::add);
    tree.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    tree.add(process.toHandle());
    try {
      CompletableFuture.allOf(
              tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
          .get(GONE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("agent process {} or a process it started is still not gone", process.pid());
    }
    log.info("ended agent process {} and {} processes it started", process.pid(), tree.size() - 1);
  }

  private static void copyLines(Process process, Path stdoutLog, Consumer<String> lines) {
    try (BufferedReader in =
            new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
        Writer out = Files.newBufferedWriter(stdoutLog, UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.write(line);
        out.write('\n');
        try {
          lines.accept(line);
        } catch (RuntimeException e) {
          log.warn("could not handle a line of agent output: {}", line, e);
        }
      }
    } catch (IOException e) {
      // The stream closes under us when the process is destroyed.
      log.debug("stopped reading the output of process {}", process.pid(), e);
    }
  }

  private static String tail(Path file) {
    try {
      if (!Files.exists(file)) {
        return "";
      }
      String text = Files.readString(file, UTF_8).strip();
      return text.length() <= TAIL_CHARS ? text : "…" + text.substring(text.length() - TAIL_CHARS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
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
