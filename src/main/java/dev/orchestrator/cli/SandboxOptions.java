package dev.orchestrator.cli;

import dev.orchestrator.ConfigurationException;
import dev.orchestrator.UsageException;
import dev.orchestrator.sandbox.BwrapProbe;
import dev.orchestrator.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * Whether command agents, Claude Code and the verify step's commands run confined by bubblewrap,
 * and how. {@link #sandbox} decides once per run.
 */
final class SandboxOptions {

  /** {@code --sandbox}. */
  enum Mode {
    AUTO,
    BWRAP,
    OFF;

    @Override
    public String toString() {
      return KindConverter.label(this);
    }
  }

  /** {@code --sandbox-network}. */
  enum Network {
    ON,
    OFF;

    @Override
    public String toString() {
      return KindConverter.label(this);
    }
  }

  @Option(
      names = "--sandbox",
      paramLabel = "MODE",
      defaultValue = "auto",
      converter = Modes.class,
      description =
          "Confine command agents, Claude Code and the verify step's commands with bubblewrap:"
              + " root read-only, the task's workspace and a private /tmp writable, ~/.ssh and"
              + " other secrets hidden, own PID namespace. auto (default): whenever bwrap works"
              + " here, else unconfined with a warning; bwrap: required; off.")
  Mode mode = Mode.AUTO;

  @Option(
      names = "--sandbox-network",
      paramLabel = "on|off",
      defaultValue = "on",
      converter = Networks.class,
      description = "off: confined agents and tests have no network (default: ${DEFAULT-VALUE}).")
  Network network = Network.ON;

  @Option(
      names = "--sandbox-writable",
      paramLabel = "PATH",
      description =
          "A further path confined agents and tests may write (a build cache such as ~/.m2);"
              + " repeat it for several.")
  List<Path> writable = new ArrayList<>();

  /**
   * The run's sandbox: probes bubblewrap unless {@code --sandbox off}.
   *
   * @param warnings hears the one line saying that {@code auto} runs unconfined, and why
   * @throws UsageException if a writable path does not exist, or the network is to be cut without a
   *     sandbox
   * @throws ConfigurationException if {@code --sandbox bwrap} (or {@code --sandbox-network off})
   *     asks for bubblewrap and it does not work here; the message says why and what to do
   */
  Sandbox sandbox(Map<String, String> environment, Consumer<String> warnings) {
    boolean offline = network == Network.OFF;
    if (mode == Mode.OFF) {
      if (offline) {
        throw new UsageException(
            "--sandbox-network off needs the sandbox, and --sandbox is off; drop one of them");
      }
      return Sandbox.none();
    }
    List<Path> paths = new ArrayList<>();
    for (Path path : writable) {
      Path absolute = path.toAbsolutePath().normalize();
      if (!Files.exists(absolute)) {
        throw new UsageException(
            "--sandbox-writable " + path + " does not exist; create it or fix the path");
      }
      paths.add(absolute);
    }
    BwrapProbe.Result probe = BwrapProbe.probe(environment, !offline);
    if (probe.works()) {
      return Sandbox.bwrap(probe.bwrap(), !offline, paths);
    }
    if (mode == Mode.BWRAP || offline) {
      throw new ConfigurationException(
          (mode == Mode.BWRAP ? "--sandbox bwrap" : "--sandbox-network off")
              + " needs bubblewrap, and "
              + probe.problem()
              + "; or run with --sandbox off");
    }
    warnings.accept(
        "warning: agents and tests run unconfined (--sandbox auto): "
            + probe.problem()
            + "; --sandbox off silences this warning");
    return Sandbox.none();
  }

  static final class Modes extends KindConverter<Mode> {
    Modes() {
      super(Mode.class);
    }
  }

  static final class Networks extends KindConverter<Network> {
    Networks() {
      super(Network.class);
    }
  }
}
