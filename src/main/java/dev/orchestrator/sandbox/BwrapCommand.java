package dev.orchestrator.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bubblewrap command line that runs a command under a {@link SandboxPolicy}. Pure: it reads no
 * file and starts nothing, so each rule of the policy is a line a test can check.
 *
 * <p>Bubblewrap applies its options in order, so the order is the policy: the host's root
 * read-only, a fresh {@code /dev}, {@code /proc} and {@code /tmp}; what must stay readable under
 * {@code /tmp}; the writable paths; the secrets hidden over all of that; the read-only re-binds
 * last, so that nothing writable uncovers them. A new PID namespace keeps the orchestrator and the
 * other agents out of reach of {@code kill} and ends every process of the sandbox when the command
 * exits (its init is the sandbox's pid 1); {@code --die-with-parent} ends it when the orchestrator
 * dies. The session is left as it is: the orchestrator ends the whole process session of a finished
 * command, and a command that leaves the session would escape that.
 */
public final class BwrapCommand {

  private BwrapCommand() {}

  /** {@code bwrap [options] -- command...}. */
  public static List<String> wrap(Path bwrap, SandboxPolicy policy, List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("no command to confine");
    }
    List<String> line = new ArrayList<>();
    line.add(bwrap.toString());
    line.addAll(List.of("--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"));
    line.addAll(List.of("--tmpfs", "/tmp"));
    for (Path path : policy.readable()) {
      add(line, "--ro-bind", path, path);
    }
    for (Path path : policy.writable()) {
      add(line, "--bind", path, path);
    }
    for (Path path : policy.hiddenDirectories()) {
      add(line, "--tmpfs", path);
      add(line, "--remount-ro", path);
    }
    for (Path path : policy.hiddenFiles()) {
      add(line, "--ro-bind", Path.of("/dev/null"), path);
    }
    for (Path path : policy.readOnly()) {
      add(line, "--ro-bind", path, path);
    }
    line.add("--unshare-pid");
    if (!policy.network()) {
      line.add("--unshare-net");
    }
    line.add("--die-with-parent");
    add(line, "--chdir", policy.directory());
    line.add("--");
    line.addAll(command);
    return line;
  }

  private static void add(List<String> line, String option, Path... paths) {
    line.add(option);
    for (Path path : paths) {
      line.add(path.toString());
    }
  }
}
