package dev.orchestrator.planner.repository;

import static java.util.Objects.requireNonNull;

/**
 * A tracked path the map lists.
 *
 * @param path relative to the work tree, '/' separators
 * @param size bytes of the regular file in the work tree; null when it is a link, a directory or
 *     missing there (not measured)
 */
public record TrackedFile(String path, Long size) {

  public TrackedFile {
    requireNonNull(path, "path");
  }
}
