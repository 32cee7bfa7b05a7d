package dev.orchestrator.planner.repository;

import static java.util.Objects.requireNonNull;

/**
 * The opening of a file the map quotes (the README, {@code AGENTS.md}), or why it is not quoted.
 *
 * @param path the file, relative to the work tree, '/' separators
 * @param text what the map quotes of it; null when it was not read
 * @param cut whether the file goes on past the text
 * @param refusal why it was not read ("a link that leads out of the repository"); null when read
 */
public record Excerpt(String path, String text, boolean cut, String refusal) {

  public Excerpt {
    requireNonNull(path, "path");
    if ((text == null) == (refusal == null)) {
      throw new IllegalArgumentException("an excerpt has either a text or a refusal");
    }
  }

  /** Whether the file was read. */
  public boolean read() {
    return text != null;
  }
}
