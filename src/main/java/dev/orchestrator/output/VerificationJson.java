package dev.orchestrator.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code verification} object of {@code execution_summary.json}; the one place that knows its
 * field names. {@link SummaryJson} calls it.
 */
final class VerificationJson {

  static final String FIELD = "verification";

  private static final String STATUS = "status";
  private static final String REASON = "reason";
  private static final String COMMAND = "command";
  private static final String SANDBOX = "sandbox";
  private static final String ROUNDS = "rounds";
  private static final String ROUND = "round";
  private static final String PASSED = "passed";
  private static final String FAILED = "failed";
  private static final String SKIPPED = "skipped";
  private static final String ERRORS = "errors";
  private static final String DURATION_SECONDS = "duration_seconds";
  private static final String FAILURES = "failures";
  private static final String TEST = "test";
  private static final String EXCERPT = "excerpt";
  private static final String OWNER_TASKS = "owner_tasks";
  private static final String TEST_COVERAGE = "test_coverage";
  private static final String COVERAGE_REASON = "coverage_reason";

  private VerificationJson() {}

  /** Writes the field into the summary object: an object, or null when there was no step. */
  static void write(ObjectNode summary, Verification verification) {
    if (verification == null) {
      summary.putNull(FIELD);
      return;
    }
    ObjectNode node = summary.putObject(FIELD);
    node.put(STATUS, verification.status().label());
    node.put(REASON, verification.reason());
    node.put(COMMAND, verification.command());
    node.put(SANDBOX, verification.sandbox());
    ArrayNode rounds = node.putArray(ROUNDS);
    for (VerificationRound round : verification.rounds()) {
      ObjectNode r = rounds.addObject();
      r.put(ROUND, round.round());
      r.put(PASSED, round.passed());
      r.put(FAILED, round.failed());
      r.put(SKIPPED, round.skipped());
      r.put(ERRORS, round.errors());
      r.put(DURATION_SECONDS, round.duration().toMillis() / 1000.0);
      ArrayNode failures = r.putArray(FAILURES);
      for (TestFailure failure : round.failures()) {
        ObjectNode f = failures.addObject();
        f.put(TEST, failure.test());
        failure.ownerTasks().forEach(f.putArray(OWNER_TASKS)::add);
        f.put(EXCERPT, failure.excerpt());
      }
    }
    node.put(TEST_COVERAGE, verification.testCoverage());
    node.put(COVERAGE_REASON, verification.coverageReason());
  }

  /** Reads the field of a summary; null when it is null or absent (a summary of an older run). */
  static Verification read(JsonNode summary) {
    JsonNode node = summary.get(FIELD);
    if (node == null || node.isNull()) {
      return null;
    }
    List<VerificationRound> rounds = new ArrayList<>();
    for (JsonNode r : node.required(ROUNDS)) {
      List<TestFailure> failures = new ArrayList<>();
      for (JsonNode f : r.required(FAILURES)) {
        List<String> owners = new ArrayList<>();
        f.required(OWNER_TASKS).forEach(o -> owners.add(o.textValue()));
        failures.add(
            new TestFailure(f.required(TEST).textValue(), owners, f.path(EXCERPT).asText("")));
      }
      rounds.add(
          new VerificationRound(
              r.required(ROUND).intValue(),
              r.required(PASSED).intValue(),
              r.required(FAILED).intValue(),
              r.required(SKIPPED).intValue(),
              r.required(ERRORS).intValue(),
              Duration.ofMillis(Math.round(r.required(DURATION_SECONDS).doubleValue() * 1000)),
              failures));
    }
    JsonNode coverage = node.required(TEST_COVERAGE);
    return new Verification(
        Verification.Status.fromLabel(node.required(STATUS).textValue()),
        node.required(REASON).textValue(),
        node.required(COMMAND).isNull() ? null : node.required(COMMAND).textValue(),
        node.path(SANDBOX).isTextual() ? node.path(SANDBOX).textValue() : null,
        rounds,
        coverage.isNull() ? null : coverage.doubleValue(),
        node.required(COVERAGE_REASON).isNull()
            ? null
            : node.required(COVERAGE_REASON).textValue());
  }
}
