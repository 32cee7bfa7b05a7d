package dev.orchestrator.agent;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a new worktree gets before its agent starts: the user's ignored files that {@code
 * --worktree-include} names (such as {@code .env}; git leaves them out of a worktree, and being
 * ignored they stay out of the task's commit), then {@code --setup-command} (such as {@code npm
 * ci}), run in the worktree and timed.
 *
 * @param from the user's work tree, where the included files are copied from
 * @param includes paths relative to it, a directory ending with {@code /}
 * @param command the shell command, or null for none
 */
public record WorktreeSetup(
    Path from, List<String> includes, String command, Map<String, String> environment) {

  /** Nothing to copy, nothing to run. */
  public static final WorktreeSetup NONE =
      new WorktreeSetup(Path.of(""), List.of(), null, Map.of());

  public WorktreeSetup {
    requireNonNull(from, "from");
    includes = List.copyOf(includes);
    environment = Map.copyOf(environment);
  }

  /**
   * Prepares a worktree.
   *
   * @param log where the command's output goes
   * @return what was done, for the task's details; empty when nothing was
   * @throws AgentException if the command fails; its output is in {@code log}
   */
  String apply(Path worktree, Path log) throws InterruptedException {
    for (String include : includes) {
      copy(from.resolve(include), worktree.resolve(include));
    }
    if (command == null) {
      return includes.isEmpty() ? "" : "copied " + String.join(", ", includes);
    }
    long start = System.nanoTime();
    int status = run(worktree, log);
    double seconds = (System.nanoTime() - start) / 1e9;
    String ran = String.format(Locale.ROOT, "%s: %.1f s, exit %d", command, seconds, status);
    if (status != 0) {
      throw new AgentException(
          "the setup command failed (" + ran + "); its output is in " + log, false);
    }
    return ran;
  }

  private int run(Path worktree, Path log) throws InterruptedException {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder("sh", "-c", command)
              .directory(worktree.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().clear();
      builder.environment().putAll(environment);
      Process process = builder.start();
      try {
        return process.waitFor();
      } finally {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
      }
    } catch (IOException e) {
      throw new AgentException("cannot run the setup command " + command + ": " + e, false);
    }
  }

  // Regular files only, never through a link: a link could carry the copy anywhere.
  private static void copy(Path source, Path target) {
    try {
      if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(target.getParent());
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      } else if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> files = Files.walk(source)) {
          for (Path file :
              files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
            Path to = target.resolve(source.relativize(file).toString());
            Files.createDirectories(to.getParent());
            Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + source + " into the worktree", e);
    }
  }
}
