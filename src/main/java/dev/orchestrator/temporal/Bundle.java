package dev.orchestrator.temporal;

import static java.util.Objects.requireNonNull;

/**
 * A task's files as they travel between machines: a zip, carried in the payload ({@code zip} set)
 * or stored in the artifact directory under its hash ({@code zip} null).
 *
 * @param sha256 hex SHA-256 of the zip's bytes
 * @param size the zip's length in bytes
 */
public record Bundle(String taskId, byte[] zip, String sha256, long size) {

  public Bundle {
    requireNonNull(taskId, "taskId");
    requireNonNull(sha256, "sha256");
  }

  /** Whether the bytes travel in the payload, counting against Temporal's payload limit. */
  public boolean inline() {
    return zip != null;
  }

  /** The bytes this bundle adds to a payload. */
  long payloadBytes() {
    return zip == null ? 0 : zip.length;
  }
}
