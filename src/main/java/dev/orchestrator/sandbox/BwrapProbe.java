package dev.orchestrator.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether bubblewrap works on this machine: finds {@code bwrap} on {@code PATH} and runs {@code
 * true} under the same options a task gets. Its installation alone says little: a container without
 * user namespaces, or Ubuntu 24.04's AppArmor rule against unprivileged ones, make it fail at
 * start; when it fails, the answer says why and what to do.
 */
public final class BwrapProbe {

  /** The program's name on {@code PATH}. */
  public static final String PROGRAM = "bwrap";

  /** How to install bubblewrap. */
  public static final String INSTALL_HINT =
      "install bubblewrap (Debian, Ubuntu: sudo apt-get install bubblewrap; Fedora: sudo dnf"
          + " install bubblewrap; Arch: sudo pacman -S bubblewrap)";

  static final String APPARMOR_SETTING = "kernel/apparmor_restrict_unprivileged_userns";
  static final String USERNS_SETTING = "kernel/unprivileged_userns_clone";

  private static final long TIME_LIMIT_SECONDS = 10;

  private BwrapProbe() {}

  /**
   * How the probe went.
   *
   * @param bwrap the program that works, or null
   * @param problem why bubblewrap cannot be used here, and what to do; null when it works
   */
  public record Result(Path bwrap, String problem) {
    public boolean works() {
      return problem == null;
    }
  }

  /**
   * Looks for {@code bwrap} on the environment's {@code PATH} and runs a confined {@code true}.
   *
   * @param network whether to probe with the network kept (else without, as {@code
   *     --sandbox-network off} runs)
   */
  public static Result probe(Map<String, String> environment, boolean network) {
    return probe(environment, network, Path.of("/proc/sys"));
  }

  static Result probe(Map<String, String> environment, boolean network, Path procSys) {
    Path bwrap = find(environment.getOrDefault("PATH", ""));
    if (bwrap == null) {
      return new Result(null, "bubblewrap is not installed (no bwrap on PATH); " + INSTALL_HINT);
    }
    Path root = Path.of("/");
    SandboxPolicy policy =
        new SandboxPolicy(root, List.of(), List.of(), List.of(), List.of(), List.of(), network);
    ProcessBuilder builder =
        new ProcessBuilder(BwrapCommand.wrap(bwrap, policy, List.of("true")))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectErrorStream(false);
    builder.environment().clear();
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      if (!process.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(
            null, bwrap + " did not finish a confined true within " + TIME_LIMIT_SECONDS + " s");
      }
      String stderr = new String(process.getErrorStream().readAllBytes(), UTF_8).strip();
      return process.exitValue() == 0
          ? new Result(bwrap, null)
          : new Result(null, explain(bwrap, process.exitValue(), stderr, procSys));
    } catch (IOException e) {
      return new Result(null, "cannot run " + bwrap + " (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(null, "interrupted while trying " + bwrap);
    }
  }

  /** Why a confined {@code true} failed, and what to do about it. */
  static String explain(Path bwrap, int status, String stderr, Path procSys) {
    String failed =
        bwrap
            + " cannot start a sandbox here (exit status "
            + status
            + (stderr.isEmpty() ? "" : ": " + stderr.lines().findFirst().orElse(""))
            + ")";
    if ("1".equals(setting(procSys.resolve(APPARMOR_SETTING)))) {
      return failed
          + ": Ubuntu's AppArmor forbids unprivileged user namespaces"
          + " (kernel.apparmor_restrict_unprivileged_userns = 1). Allow them with sudo sysctl -w"
          + " kernel.apparmor_restrict_unprivileged_userns=0, or give bwrap an AppArmor profile"
          + " that permits userns (see /etc/apparmor.d/bwrap-userns-restrict on Ubuntu 24.04)";
    }
    if ("0".equals(setting(procSys.resolve(USERNS_SETTING)))) {
      return failed
          + ": unprivileged user namespaces are off (kernel.unprivileged_userns_clone = 0)."
          + " Allow them with sudo sysctl -w kernel.unprivileged_userns_clone=1";
    }
    return failed
        + ": user namespaces may be unavailable (in a container, allow them, e.g. docker run"
        + " --security-opt seccomp=unconfined --security-opt apparmor=unconfined)";
  }

  private static String setting(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Path find(String path) {
    for (String directory : path.split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(directory, PROGRAM).toAbsolutePath();
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
