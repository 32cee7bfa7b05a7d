package dev.orchestrator.cli;

import dev.orchestrator.UsageException;
import java.util.List;

/** The requirement given as words on the command line. */
final class Requirements {

  private Requirements() {}

  /**
   * The words joined by spaces.
   *
   * @throws UsageException when there are none
   */
  static String join(List<String> words) {
    String text = words == null ? "" : String.join(" ", words).trim();
    if (text.isEmpty()) {
      throw new UsageException(
          "no requirement given; say what to build, e.g. orchestrator \"Build a todo list app\""
              + " (see --help)");
    }
    return text;
  }
}
