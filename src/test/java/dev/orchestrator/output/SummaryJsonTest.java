package dev.orchestrator.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import dev.orchestrator.OrchestratorException;
import dev.orchestrator.usage.TokenUsage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryJsonTest {

  @TempDir Path out;

  private Summary summaryOfAMixedRun() {
    RunRecord record =
        new RunFixture(out)
            .task("task_1")
            .ranOn(1, 0, 4)
            .writes("main.py", "print(1)\n")
            .usage(new TokenUsage(1200, 340, 10, 5, new BigDecimal("0.0123")))
            .completed()
            .task("task_2")
            .ranOn(2, 1, 3)
            .writes("main.py", "print(2)\n")
            .completed()
            .task("task_3")
            .dependsOn("task_2")
            .ranOn(2, 3, 5)
            .failed("exit code 1")
            .task("task_4")
            .dependsOn("task_3")
            .skipped("task_3 failed")
            .record();
    return SummaryAggregator.aggregate(record, Consolidator.consolidate(record));
  }

  @Test
  @DisplayName("writes totals, tasks and conflicts under snake_case names")
  void field_names() throws IOException {
    JsonNode json = Json.mapper().readTree(SummaryJson.write(summaryOfAMixedRun()));

    assertThat(json.get("total_tasks").intValue()).isEqualTo(4);
    assertThat(json.get("success_rate").doubleValue()).isEqualTo(0.5);
    assertThat(json.get("makespan_seconds").doubleValue()).isEqualTo(5.0);
    assertThat(json.get("tokens").get("cache_read").longValue()).isEqualTo(10);
    JsonNode task = json.get("tasks").get(0);
    assertThat(task.get("status").textValue()).isEqualTo("completed");
    assertThat(task.get("started_at").textValue()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(task.get("duration_seconds").doubleValue()).isEqualTo(4.0);
    assertThat(task.get("metrics").get("lines_of_code").longValue()).isEqualTo(1);
    assertThat(task.get("cost_usd").decimalValue()).isEqualByComparingTo("0.0123");
    assertThat(json.get("conflicts").get(0).get("resolution").textValue()).isEqualTo("kept_all");
  }

  @Test
  @DisplayName("writes unmeasured figures as null instead of leaving them out")
  void nulls_are_written() throws IOException {
    JsonNode json = Json.mapper().readTree(SummaryJson.write(summaryOfAMixedRun()));

    assertThat(json.get("test_coverage").isNull()).isTrue();
    JsonNode skipped = json.get("tasks").get(3);
    assertThat(skipped.get("status").textValue()).isEqualTo("skipped");
    assertThat(skipped.get("executor_id").isNull()).isTrue();
    assertThat(skipped.get("started_at").isNull()).isTrue();
    assertThat(skipped.get("duration_seconds").isNull()).isTrue();
    assertThat(skipped.get("tokens").isNull()).isTrue();
    assertThat(skipped.get("cost_usd").isNull()).isTrue();
    assertThat(skipped.get("metrics").get("test_coverage").isNull()).isTrue();
  }

  @Test
  void the_file_streamed_holds_the_same_text_as_the_summary_written_to_a_string()
      throws IOException {
    Summary summary = summaryOfAMixedRun();
    Path file = out.resolve(SummaryJson.FILE_NAME);

    SummaryJson.write(summary, file);

    assertThat(Files.readString(file)).isEqualTo(SummaryJson.write(summary)).endsWith("}\n");
  }

  @Test
  @DisplayName("reads back what it wrote")
  void round_trip() throws IOException {
    Summary summary = summaryOfAMixedRun();
    Path file = out.resolve(SummaryJson.FILE_NAME);

    SummaryJson.write(summary, file);

    assertThat(SummaryJson.read(file))
        .usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(summary);
  }

  @Test
  @DisplayName("names the file when it is not a summary")
  void unreadable() throws IOException {
    Path file = Files.writeString(out.resolve(SummaryJson.FILE_NAME), "{\"tasks\": []}");

    assertThatThrownBy(() -> SummaryJson.read(file))
        .isInstanceOf(OrchestratorException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  @DisplayName("writes the verification under the contract's names and reads it back")
  void verification() throws IOException {
    Verification verification =
        new Verification(
            Verification.Status.PASSED,
            "every test passed",
            "python3 -m pytest",
            java.util.List.of(
                new VerificationRound(
                    1,
                    1,
                    1,
                    0,
                    0,
                    java.time.Duration.ofMillis(1500),
                    java.util.List.of(
                        new TestFailure(
                            "tests/test_a.py::test_a",
                            java.util.List.of("task_1"),
                            "assert 1 == 2\nE  where 1 = a()"))),
                new VerificationRound(
                    2, 2, 0, 0, 0, java.time.Duration.ofMillis(1200), java.util.List.of())),
            0.875,
            "measured by coverage.py");
    Summary summary = summaryOfAMixedRun().withVerification(verification);

    String text = SummaryJson.write(summary);
    JsonNode json = Json.mapper().readTree(text);

    assertThat(json.get("test_coverage").doubleValue()).isEqualTo(0.875);
    JsonNode v = json.get("verification");
    assertThat(v.get("status").textValue()).isEqualTo("passed");
    assertThat(v.get("rounds").get(0).get("duration_seconds").doubleValue()).isEqualTo(1.5);
    assertThat(v.get("rounds").get(0).get("failures").get(0).get("owner_tasks").get(0).textValue())
        .isEqualTo("task_1");
    assertThat(v.get("rounds").get(0).get("failures").get(0).get("excerpt").textValue())
        .isEqualTo("assert 1 == 2\nE  where 1 = a()");
    assertThat(v.get("coverage_reason").textValue()).isEqualTo("measured by coverage.py");
    assertThat(SummaryJson.parse(text)).isEqualTo(summary);
  }

  @Test
  @DisplayName(
      "a summary without a verify step says null, and an older one without the field reads")
  void no_verification() throws IOException {
    String text = SummaryJson.write(summaryOfAMixedRun());

    assertThat(Json.mapper().readTree(text).get("verification").isNull()).isTrue();
    assertThat(
            SummaryJson.parse(text.replace("\"verification\" : null", "\"x\" : 1")).verification())
        .isNull();
  }
}
