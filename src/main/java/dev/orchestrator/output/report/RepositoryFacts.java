package dev.orchestrator.output.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import dev.orchestrator.output.SummaryJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary's {@code repository} object of a run on the user's repository ({@code --repo}), as
 * the report shows it. Read from the run's files, so it is untrusted text like everything else on
 * the page; a field that is missing or of another type reads as null (not recorded).
 *
 * @param testsBefore the repository's tests on the base commit; null when they did not run
 * @param testsAfter the repository's tests on the run's branch; null when they did not run
 * @param uncommittedLeftOut the user's uncommitted changes the run did not take, as {@code git
 *     status} lines
 */
record RepositoryFacts(
    String path,
    String branch,
    String baseCommit,
    String headCommit,
    Tests testsBefore,
    Tests testsAfter,
    boolean uncommittedIncluded,
    List<String> uncommittedLeftOut) {

  RepositoryFacts {
    uncommittedLeftOut = List.copyOf(uncommittedLeftOut);
  }

  /**
   * One run of the repository's tests: its last round's counts (null when no round ran) and the
   * tests failing in it.
   */
  record Tests(
      String status,
      String reason,
      String command,
      Integer passed,
      Integer failed,
      Integer errors,
      Integer skipped,
      List<String> failing) {

    Tests {
      failing = List.copyOf(failing);
    }

    static Tests from(JsonNode node) {
      if (!node.isObject()) {
        return null;
      }
      return new Tests(
          text(node, "status"),
          text(node, "reason"),
          text(node, "command"),
          number(node, "passed"),
          number(node, "failed"),
          number(node, "errors"),
          number(node, "skipped"),
          texts(node.path("failing")));
    }
  }

  /**
   * The {@code repository} object of a summary file; null when it has none. Only that field is read
   * into memory: the rest, a line per task, is skipped as it streams by.
   *
   * @throws IOException if the file cannot be read or is not JSON
   */
  static RepositoryFacts read(Path summaryFile) throws IOException {
    try (JsonParser parser = Json.mapper().getFactory().createParser(summaryFile.toFile())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals(SummaryJson.REPOSITORY)) {
          return from(parser.readValueAsTree());
        }
        parser.skipChildren();
      }
      return null;
    }
  }

  /** A summary's {@code repository} object; null when it is not an object. */
  static RepositoryFacts from(JsonNode repository) {
    if (repository == null || !repository.isObject()) {
      return null;
    }
    return new RepositoryFacts(
        text(repository, "path"),
        text(repository, "branch"),
        text(repository, "base_commit"),
        text(repository, "head_commit"),
        Tests.from(repository.path("tests_before")),
        Tests.from(repository.path("tests_after")),
        repository.path("uncommitted_changes_included").asBoolean(false),
        texts(repository.path("uncommitted_changes_left_out")));
  }

  /** The tests failing on the branch that did not fail at the base: those the run broke. */
  List<String> broken() {
    if (testsAfter == null) {
      return List.of();
    }
    List<String> before = testsBefore == null ? List.of() : testsBefore.failing();
    return testsAfter.failing().stream().filter(t -> !before.contains(t)).toList();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.asText() : null;
  }

  private static Integer number(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.canConvertToInt() ? value.asInt() : null;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
