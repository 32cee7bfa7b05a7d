package dev.orchestrator.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The lines each test ran, by file, as coverage.py recorded them under the test's name ({@code
 * coverage json --show-contexts}, with the contexts our pytest plugin sets). Lines run while the
 * tests were being collected (module imports) belong to no test.
 */
final class TestLines {

  /** No test's lines are known. */
  static final TestLines NONE = new TestLines(Map.of());

  // test name -> file -> lines
  private final Map<String, Map<String, Set<Integer>>> lines;

  private TestLines(Map<String, Map<String, Set<Integer>>> lines) {
    this.lines = lines;
  }

  /**
   * The lines of the given tests in a {@code coverage json --show-contexts} report; none when the
   * report is missing, unreadable or has no contexts.
   *
   * @param tests names as the verify step gives them ({@code tests/test_a.py::test_b})
   */
  static TestLines read(Path report, Collection<String> tests) {
    if (tests.isEmpty() || !Files.isRegularFile(report)) {
      return NONE;
    }
    JsonNode files;
    try {
      files = Json.mapper().readTree(report.toFile()).path("files");
    } catch (IOException e) {
      return NONE; // coverage only sharpens who is blamed; without it the files decide
    }
    Map<String, Map<String, Set<Integer>>> found = new TreeMap<>();
    for (Map.Entry<String, JsonNode> file : files.properties()) {
      String path = file.getKey().replace('\\', '/');
      for (Map.Entry<String, JsonNode> line : file.getValue().path("contexts").properties()) {
        for (JsonNode context : line.getValue()) {
          for (String test : tests) {
            if (matches(context.asText(), test)) {
              found
                  .computeIfAbsent(test, t -> new TreeMap<>())
                  .computeIfAbsent(path, p -> new TreeSet<>())
                  .add(Integer.parseInt(line.getKey()));
            }
          }
        }
      }
    }
    return new TestLines(found);
  }

  /** The lines {@code test} ran, by file, relative to the project; empty when unknown. */
  Map<String, Set<Integer>> of(String test) {
    return lines.getOrDefault(test, Map.of());
  }

  // A pytest node id (tests/test_a.py::TestA::test_b[1]) names the test tests/test_a.py::test_b[1]
  // too: the verify step names a test by its file and its name, without the class.
  static boolean matches(String nodeId, String test) {
    if (nodeId.equals(test)) {
      return true;
    }
    int separator = test.indexOf("::");
    return separator > 0
        && nodeId.startsWith(test.substring(0, separator + 2))
        && nodeId.endsWith(test.substring(separator));
  }
}
