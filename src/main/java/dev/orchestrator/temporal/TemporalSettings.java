package dev.orchestrator.temporal;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.UsageException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the Temporal service is and how a run uses it; the coordinator and its workers must agree
 * on all but the heartbeat timeout, which only the coordinator sets.
 *
 * @param target {@code HOST:PORT} of the Temporal frontend
 * @param taskQueue where workers poll for workflows and task attempts
 * @param artifactDirectory a directory all processes mount for task files; null to carry them in
 *     payloads
 * @param heartbeatTimeout how long a worker may stay silent before its attempt goes to another
 */
public record TemporalSettings(
    String target,
    String namespace,
    String taskQueue,
    Path artifactDirectory,
    Duration heartbeatTimeout) {

  public static final String DEFAULT_NAMESPACE = "default";
  public static final String DEFAULT_TASK_QUEUE = "orchestrator";
  public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * @throws UsageException if the target is not {@code HOST:PORT} or a name is blank
   */
  public TemporalSettings {
    if (target == null || !target.strip().matches("[^:\\s/]+:\\d{1,5}")) {
      throw new UsageException(
          "--temporal must be HOST:PORT of a Temporal server, e.g. --temporal localhost:7233; was "
              + target);
    }
    target = target.strip();
    namespace = requireName("--namespace", namespace);
    taskQueue = requireName("--task-queue", taskQueue);
    requireNonNull(heartbeatTimeout, "heartbeatTimeout");
    if (heartbeatTimeout.toMillis() < 300) {
      throw new UsageException(
          "--heartbeat-timeout must be at least 300ms, was " + heartbeatTimeout.toMillis() + "ms");
    }
  }

  private static String requireName(String option, String value) {
    if (value == null || value.isBlank()) {
      throw new UsageException(option + " must not be blank");
    }
    return value.strip();
  }
}
