package dev.orchestrator.sandbox;

import dev.orchestrator.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What confines the processes of a run: bubblewrap with the run's settings, or nothing. Decided
 * once per run ({@link BwrapProbe}); each launch then asks {@link #wrap} for its command line,
 * which makes the launch's {@link SandboxPolicy} from the file system as it is at that moment.
 *
 * <p>The policy: the host's root read-only; the working directory (the task's workspace, the
 * project copy of the verify step), the paths given by {@link #allowing} and {@code
 * --sandbox-writable} writable; a private {@code /tmp}; the secret-bearing directories of the home
 * ({@link #SECRET_DIRECTORIES}, {@link #SECRET_FILES}) hidden, of the home the process is given and
 * of the user running the orchestrator; a run's own state ({@code .orchestrator}, its plan and
 * summary) and a git directory read-only even inside a writable path.
 */
public final class Sandbox {

  /**
   * The key of a task's details in the summary that says what confined its agent: {@link #label}.
   */
  public static final String DETAIL = "sandbox";

  /** Directories of a home that hold credentials; hidden from a confined process. */
  public static final List<String> SECRET_DIRECTORIES =
      List.of(".ssh", ".aws", ".gnupg", ".config/gcloud", ".docker", ".kube");

  /** Files of a home that hold credentials; hidden from a confined process. */
  public static final List<String> SECRET_FILES = List.of(".netrc");

  // What a writable directory may hold that a confined process must not change.
  private static final List<String> PROTECTED =
      List.of(RunLayout.STATE, ".git", "execution_plan.json", "execution_summary.json");

  private static final Path TMP = Path.of("/tmp");

  private static final Sandbox NONE = new Sandbox(null, true, List.of());

  private final Path bwrap;
  private final boolean network;
  private final List<Path> writable;

  private Sandbox(Path bwrap, boolean network, List<Path> writable) {
    this.bwrap = bwrap;
    this.network = network;
    this.writable = List.copyOf(writable);
  }

  /** No confinement: commands run as they are. */
  public static Sandbox none() {
    return NONE;
  }

  /**
   * Confinement by bubblewrap.
   *
   * @param bwrap the program, an absolute path that {@link BwrapProbe} found working
   * @param network whether confined processes keep the network
   * @param writable further writable paths ({@code --sandbox-writable}), absolute
   */
  public static Sandbox bwrap(Path bwrap, boolean network, List<Path> writable) {
    return new Sandbox(Objects.requireNonNull(bwrap, "bwrap"), network, writable);
  }

  /** Whether commands run confined. */
  public boolean confines() {
    return bwrap != null;
  }

  /** What confines the commands, for the summary: {@code bwrap} or {@code none}. */
  public String label() {
    return confines() ? "bwrap" : "none";
  }

  /**
   * The same sandbox, with these paths writable too where they exist (an agent's own state, a
   * directory its tools write reports to).
   */
  public Sandbox allowing(List<Path> paths) {
    if (!confines()) {
      return this;
    }
    List<Path> more = new ArrayList<>(writable);
    more.addAll(paths);
    return new Sandbox(bwrap, network, more);
  }

  /**
   * The command line that runs {@code command} in {@code directory} in this sandbox; the command
   * itself when there is none.
   *
   * @param environment the command's environment, whose {@code HOME} has its secrets hidden
   */
  public List<String> wrap(List<String> command, Path directory, Map<String, String> environment) {
    if (!confines()) {
      return command;
    }
    return BwrapCommand.wrap(bwrap, policy(command, directory, environment), command);
  }

  /** The policy of one launch, from the file system as it is now. */
  SandboxPolicy policy(List<String> command, Path directory, Map<String, String> environment) {
    Path workingDirectory = real(directory.toAbsolutePath());
    Set<Path> open = new LinkedHashSet<>();
    open.add(workingDirectory);
    for (Path path : writable) {
      if (Files.exists(path)) {
        open.add(real(path));
      }
    }
    Set<Path> homes = new LinkedHashSet<>();
    String home = environment.get("HOME");
    if (home != null && !home.isBlank()) {
      homes.add(Path.of(home).toAbsolutePath());
    }
    homes.add(Path.of(System.getProperty("user.home")).toAbsolutePath());
    List<Path> hiddenDirectories = new ArrayList<>();
    List<Path> hiddenFiles = new ArrayList<>();
    for (Path each : homes) {
      for (String name : SECRET_DIRECTORIES) {
        Path secret = each.resolve(name);
        if (Files.isDirectory(secret)) {
          hiddenDirectories.add(real(secret));
        }
      }
      for (String name : SECRET_FILES) {
        Path secret = each.resolve(name);
        if (Files.isRegularFile(secret)) {
          hiddenFiles.add(real(secret));
        }
      }
    }
    List<Path> readOnly = new ArrayList<>();
    for (Path path : open) {
      for (String name : PROTECTED) {
        Path inside = path.resolve(name);
        if (Files.exists(inside)) {
          readOnly.add(inside);
        }
      }
    }
    return new SandboxPolicy(
        workingDirectory,
        readable(command.get(0), open),
        List.copyOf(open),
        hiddenDirectories,
        hiddenFiles,
        readOnly,
        network);
  }

  // The private /tmp hides a program that lies under /tmp: show it, with the files beside it
  // (a script's helpers), unless that would show all of /tmp.
  private static List<Path> readable(String program, Set<Path> open) {
    Path path = Path.of(program);
    if (!path.isAbsolute() || !Files.exists(path)) {
      return List.of();
    }
    Path file = real(path);
    if (!file.startsWith(TMP) || open.stream().anyMatch(file::startsWith)) {
      return List.of();
    }
    Path parent = file.getParent();
    return List.of(parent.equals(TMP) ? file : parent);
  }

  private static Path real(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }

  @Override
  public String toString() {
    return confines()
        ? "bwrap (network " + (network ? "on" : "off") + ", writable " + writable + ")"
        : "none";
  }
}
