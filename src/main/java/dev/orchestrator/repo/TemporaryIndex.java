package dev.orchestrator.repo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * A git index file of the orchestrator's own, for commands that must not touch the user's index: in
 * the temporary directory, so a crash leaves nothing in the repository, and deleted after use.
 */
final class TemporaryIndex {

  private TemporaryIndex() {}

  /**
   * Runs {@code work} with the environment that points git at a fresh index.
   *
   * @param work given {@code GIT_INDEX_FILE} for the git commands it runs
   */
  static <T> T use(Function<Map<String, String>, T> work) {
    Path index;
    try {
      index = Files.createTempFile("orchestrator-", ".index");
      Files.delete(index); // git makes it; an empty file is not a valid index
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a temporary index file", e);
    }
    try {
      return work.apply(Map.of("GIT_INDEX_FILE", index.toString()));
    } finally {
      try {
        Files.deleteIfExists(index);
        Files.deleteIfExists(index.resolveSibling(index.getFileName() + ".lock"));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete the temporary index " + index, e);
      }
    }
  }
}
