package dev.orchestrator.run;

import dev.orchestrator.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps a new project out of a git work tree. A run replaces the entries it writes at the top of
 * its output directory ({@code src/}, {@code tests/}, {@code README.md}); in a repository those are
 * the user's tracked work, so a directory there that holds files and is not an earlier run is
 * refused, {@code --force} or not. Found from the files alone ({@code .git} in the directory or
 * above it), so it holds without git installed.
 */
public final class WorkTreeGuard {

  private WorkTreeGuard() {}

  /**
   * Refuses {@code dir} as an output directory when it holds files, is not an earlier run and is in
   * a git work tree.
   *
   * @throws UsageException saying which work tree, and that {@code --repo} works on it
   */
  public static void refuseAsOutput(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(root) || OutputDirectory.isRun(root) || isEmpty(root)) {
      return;
    }
    workTreeOf(root)
        .ifPresent(
            top -> {
              throw new UsageException(
                  root
                      + (top.equals(root)
                          ? " is a git work tree"
                          : " is in the git work tree " + top)
                      + " and not an orchestrator run: writing a new project there would replace"
                      + " your files, so it is refused even with --force. To have the tasks work"
                      + " on this repository, run with --repo "
                      + top
                      + "; to write a new project, choose another --output-dir");
            });
  }

  /** The top of the git work tree that holds {@code dir}, if one does. */
  static Optional<Path> workTreeOf(Path dir) {
    for (Path at = dir; at != null; at = at.getParent()) {
      if (Files.exists(at.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of(at);
      }
    }
    return Optional.empty();
  }

  private static boolean isEmpty(Path dir) {
    try {
      return OutputDirectory.isEmpty(dir);
    } catch (IOException e) {
      return false; // unreadable: not known to be empty
    }
  }
}
