package dev.orchestrator.cli;

import dev.orchestrator.temporal.TemporalSettings;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where the Temporal service is, for the coordinator of a run and for workers alike. */
final class TemporalOptions {

  @Option(
      names = "--temporal",
      paramLabel = "HOST:PORT",
      description = "The Temporal server's frontend, e.g. localhost:7233.")
  String target;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      defaultValue = TemporalSettings.DEFAULT_NAMESPACE,
      description = "Temporal namespace (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(
      names = "--task-queue",
      paramLabel = "NAME",
      defaultValue = TemporalSettings.DEFAULT_TASK_QUEUE,
      description =
          "Task queue the workers poll; the coordinator and its workers must use the same"
              + " (default: ${DEFAULT-VALUE}).")
  String taskQueue;

  @Option(
      names = "--artifact-dir",
      paramLabel = "DIR",
      description =
          "A directory that the coordinator and every worker mount: task files travel through it,"
              + " named by content hash, instead of in Temporal payloads (which carry at most"
              + " 1.5 MB of zipped files per task).")
  Path artifactDirectory;

  /** The settings these options give, with the coordinator's heartbeat timeout. */
  TemporalSettings settings(Duration heartbeatTimeout) {
    return new TemporalSettings(target, namespace, taskQueue, artifactDirectory, heartbeatTimeout);
  }

  /** {@code host:pid} of this process, as workflow histories and task results name it. */
  static String processIdentity() {
    // "pid@host", without a name look-up that could stall on a machine with odd DNS.
    String[] name = ManagementFactory.getRuntimeMXBean().getName().split("@", 2);
    return name.length == 2 ? name[1] + ":" + name[0] : "pid:" + ProcessHandle.current().pid();
  }
}
