package dev.orchestrator.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON event streams of {@code go test -json} and of Rust's test harness ({@code cargo
 * test -- --format json}): one JSON object per line of standard output, other lines ignored.
 */
final class EventStreams {

  private static final int DETAIL_CHARS = 4000;

  private EventStreams() {}

  /**
   * The tests of a {@code go test -json} stream: events with a {@code Test} and an {@code Action}
   * of {@code pass}, {@code fail} or {@code skip}, their {@code output} events as detail. A package
   * that fails without a test (it does not compile) counts as one errored test named after it.
   */
  static List<TestCase> goTest(Path stdout) throws IOException {
    List<TestCase> cases = new ArrayList<>();
    Map<String, StringBuilder> output = new HashMap<>();
    for (JsonNode event : events(stdout)) {
      String pkg = event.path("Package").asText("");
      String test = event.path("Test").asText("");
      String key = pkg + " " + test;
      String action = event.path("Action").asText("");
      if (action.equals("output")) {
        StringBuilder text = output.computeIfAbsent(key, k -> new StringBuilder());
        if (text.length() < DETAIL_CHARS) {
          text.append(event.path("Output").asText(""));
        }
        continue;
      }
      TestCase.Outcome outcome =
          switch (action) {
            case "pass" -> TestCase.Outcome.PASSED;
            case "fail" -> test.isEmpty() ? TestCase.Outcome.ERROR : TestCase.Outcome.FAILED;
            case "skip" -> test.isEmpty() ? null : TestCase.Outcome.SKIPPED;
            default -> null;
          };
      if (outcome == null || (test.isEmpty() && outcome != TestCase.Outcome.ERROR)) {
        continue;
      }
      if (test.isEmpty() && cases.stream().anyMatch(c -> c.className().equals(pkg))) {
        continue; // the package failed because a test of it failed, counted already
      }
      String detail = output.getOrDefault(key, new StringBuilder()).toString();
      cases.add(
          new TestCase(
              test.isEmpty() ? pkg : pkg + "." + test,
              null,
              pkg,
              outcome,
              outcome == TestCase.Outcome.PASSED ? "" : detail));
    }
    return cases;
  }

  /**
   * The tests of Rust's JSON test output: {@code {"type": "test", "event": "ok" | "failed" |
   * "ignored", "name": ..., "stdout": ...}}.
   */
  static List<TestCase> libtest(Path stdout) throws IOException {
    List<TestCase> cases = new ArrayList<>();
    for (JsonNode event : events(stdout)) {
      if (!event.path("type").asText().equals("test")) {
        continue;
      }
      TestCase.Outcome outcome =
          switch (event.path("event").asText()) {
            case "ok" -> TestCase.Outcome.PASSED;
            case "failed", "timeout" -> TestCase.Outcome.FAILED;
            case "ignored" -> TestCase.Outcome.SKIPPED;
            default -> null;
          };
      if (outcome != null) {
        String name = event.path("name").asText();
        cases.add(new TestCase(name, null, null, outcome, event.path("stdout").asText("")));
      }
    }
    return cases;
  }

  private static List<JsonNode> events(Path stdout) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    if (!Files.exists(stdout)) {
      return events;
    }
    try (BufferedReader in = Files.newBufferedReader(stdout, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("{")) {
          try {
            events.add(Json.mapper().readTree(line));
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // a test's own output that happens to start with a brace
          }
        }
      }
    }
    return events;
  }
}
