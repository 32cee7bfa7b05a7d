package dev.orchestrator.sandbox;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * What one confined process may see and change, as plain paths; {@link BwrapCommand} turns it into
 * a command line. Everything not named here is the host's file system, read-only.
 *
 * @param directory the working directory, which must be visible (usually among {@code writable})
 * @param readable paths that a private {@code /tmp} would hide but the process must read (its
 *     program when that lies under {@code /tmp}), bound read-only before the writable ones
 * @param writable paths bound writable: the task's workspace, the agent's own state, {@code
 *     --sandbox-writable}
 * @param hiddenDirectories directories replaced by an empty read-only one (secret-bearing parts of
 *     the home: {@code .ssh}, {@code .aws}, ...), applied after the writable binds so that a
 *     writable home does not show them
 * @param hiddenFiles files replaced by an empty one ({@code .netrc})
 * @param readOnly paths inside writable ones that stay read-only, bound last: a run's own state
 *     ({@code .orchestrator}), a git directory
 * @param network whether the process keeps the host's network
 */
public record SandboxPolicy(
    Path directory,
    List<Path> readable,
    List<Path> writable,
    List<Path> hiddenDirectories,
    List<Path> hiddenFiles,
    List<Path> readOnly,
    boolean network) {

  public SandboxPolicy {
    requireNonNull(directory, "directory");
    readable = absolute(readable);
    writable = absolute(writable);
    hiddenDirectories = absolute(hiddenDirectories);
    hiddenFiles = absolute(hiddenFiles);
    readOnly = absolute(readOnly);
  }

  private static List<Path> absolute(List<Path> paths) {
    for (Path path : paths) {
      if (!path.isAbsolute()) {
        throw new IllegalArgumentException("a sandbox path must be absolute, was " + path);
      }
    }
    return List.copyOf(paths);
  }
}
