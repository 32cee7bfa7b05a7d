package dev.orchestrator.repo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the {@code git} command line: an argument list (never a shell), standard output and error
 * captured, a time limit. Every call gets the same ground so that neither the caller's environment
 * nor the user's configuration decides what a command does to the repository:
 *
 * <ul>
 *   <li>{@code LC_ALL=C}, so messages and output are the ones parsed here;
 *   <li>no variable of the caller's that points git elsewhere ({@code GIT_DIR}, {@code
 *       GIT_WORK_TREE}, {@code GIT_INDEX_FILE}, {@code GIT_OBJECT_DIRECTORY}, … every {@code GIT_*}
 *       name is dropped), and {@code GIT_OPTIONAL_LOCKS=0} so that reading the status never
 *       rewrites the user's index;
 *   <li>hooks off ({@code core.hooksPath=/dev/null}), no signing, no file-system monitor, no
 *       terminal prompts, and no automatic {@code gc} or maintenance after a commit (it would pack
 *       the user's refs and prune their objects and worktree records);
 *   <li>a fixed author and committer ({@link #NAME}, {@link #EMAIL}), so commits need no {@code
 *       user.name} and change no configuration.
 * </ul>
 *
 * <p>Threads: any thread may run commands; each call waits for its own child, whose two output
 * streams are read by two short-lived threads.
 */
final class Git {

  static final String NAME = "Parallel Task Orchestrator";
  static final String EMAIL = "orchestrator@localhost";

  /** The first release with {@code git merge-tree --write-tree}. */
  static final int[] MINIMUM = {2, 38};

  private static final List<String> CONFIG =
      List.of(
          "-c", "core.hooksPath=/dev/null",
          "-c", "commit.gpgSign=false",
          "-c", "tag.gpgSign=false",
          "-c", "core.fsmonitor=false",
          "-c", "user.useConfigOnly=false",
          "-c", "advice.detachedHead=false",
          "-c", "gc.auto=0",
          "-c", "maintenance.auto=false");

  private static final Pattern VERSION = Pattern.compile("git version (\\d+)\\.(\\d+)");

  private final String executable;
  private final Map<String, String> environment;
  private final Duration timeout;

  /**
   * @param executable the git program ({@code git} to look it up on the search path)
   * @param environment the caller's environment; {@code GIT_*} names are dropped from it
   * @param timeout how long one command may run before it is ended
   */
  Git(String executable, Map<String, String> environment, Duration timeout) {
    this.executable = executable;
    Map<String, String> ground = new HashMap<>();
    environment.forEach(
        (name, value) -> {
          if (!name.startsWith("GIT_") && !name.startsWith("LC_") && !name.equals("LANG")) {
            ground.put(name, value);
          }
        });
    ground.put("LC_ALL", "C");
    ground.put("GIT_OPTIONAL_LOCKS", "0");
    ground.put("GIT_TERMINAL_PROMPT", "0");
    ground.put("GIT_AUTHOR_NAME", NAME);
    ground.put("GIT_AUTHOR_EMAIL", EMAIL);
    ground.put("GIT_COMMITTER_NAME", NAME);
    ground.put("GIT_COMMITTER_EMAIL", EMAIL);
    this.environment = Map.copyOf(ground);
    this.timeout = timeout;
  }

  /** What a command left: its exit status, standard output (bytes) and standard error. */
  record Result(List<String> command, int status, byte[] stdout, String stderr) {

    String text() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Standard output without its trailing newline. */
    String line() {
      return text().strip();
    }

    /** Standard output split at NUL bytes ({@code -z} output), empty entries dropped. */
    List<String> fields() {
      List<String> fields = new ArrayList<>();
      for (String field : text().split("\0")) {
        if (!field.isEmpty()) {
          fields.add(field);
        }
      }
      return fields;
    }

    boolean ok() {
      return status == 0;
    }

    /** This result if the command succeeded. */
    Result orThrow() {
      if (!ok()) {
        throw new RepositoryException(
            String.join(" ", command)
                + " failed (exit "
                + status
                + "): "
                + (stderr.isBlank() ? "no message" : stderr.strip()));
      }
      return this;
    }
  }

  /** Runs {@code git args…} in {@code dir}; the result whatever its exit status. */
  Result run(Path dir, List<String> args) {
    return run(dir, Map.of(), args);
  }

  /** Like {@link #run(Path, List)} with variables added for this call (a temporary index). */
  Result run(Path dir, Map<String, String> extra, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(executable);
    command.addAll(CONFIG);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.environment().putAll(extra);
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UnusableRepositoryException(
          "cannot run "
              + executable
              + " ("
              + e.getMessage()
              + "); install git "
              + MINIMUM[0]
              + "."
              + MINIMUM[1]
              + " or later and put it on the PATH");
    }
    try {
      process.getOutputStream().close();
      CompletableFuture<byte[]> out = drain(process.getInputStream());
      CompletableFuture<byte[]> err = drain(process.getErrorStream());
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new RepositoryException(
            String.join(" ", describe(args)) + " did not end within " + timeout + "; ended it");
      }
      return new Result(
          describe(args),
          process.exitValue(),
          out.get(),
          new String(err.get(), StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new RepositoryException("interrupted while running git " + args, e);
    } catch (ExecutionException | IOException e) {
      process.destroyForcibly();
      throw new RepositoryException("cannot read the output of git " + args, e);
    }
  }

  /** The version of git as {major, minor}, or an error naming the minimum. */
  private int[] version(Path dir) {
    Result result = run(dir, List.of("--version"));
    Matcher matcher = VERSION.matcher(result.text());
    if (!result.ok() || !matcher.find()) {
      throw new UnusableRepositoryException(
          "cannot tell the version of " + executable + " (" + result.text().strip() + ")");
    }
    return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))};
  }

  /** Throws unless git is at least {@link #MINIMUM}. */
  void requireMinimumVersion(Path dir) {
    int[] version = version(dir);
    boolean old = version[0] < MINIMUM[0] || (version[0] == MINIMUM[0] && version[1] < MINIMUM[1]);
    if (old) {
      throw new UnusableRepositoryException(
          "git "
              + version[0]
              + "."
              + version[1]
              + " is too old: repository mode needs git "
              + MINIMUM[0]
              + "."
              + MINIMUM[1]
              + " or later (for merge-tree --write-tree); upgrade git");
    }
  }

  private List<String> describe(List<String> args) {
    List<String> described = new ArrayList<>();
    described.add("git");
    described.addAll(args);
    return List.copyOf(described);
  }

  private static CompletableFuture<byte[]> drain(InputStream stream) {
    CompletableFuture<byte[]> bytes = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (stream) {
                bytes.complete(stream.readAllBytes());
              } catch (IOException e) {
                bytes.completeExceptionally(new UncheckedIOException(e));
              }
            },
            "git-output");
    reader.setDaemon(true);
    reader.start();
    return bytes;
  }
}
