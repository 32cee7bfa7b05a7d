package dev.orchestrator.output;

import static dev.orchestrator.output.RunFixture.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import dev.orchestrator.plan.PlanJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputAssemblerTest {

  @TempDir Path out;

  @Test
  void finishes_the_output_directory() throws IOException {
    RunRecord record =
        new RunFixture(out)
            .task("task_1")
            .writes("src/todo/api.py", "x = 1\n")
            .writes("README.md", "# API\n")
            .completed()
            .task("task_2")
            .dependsOn("task_1")
            .writes("test_api.py", "def test(): pass\n")
            .completed()
            .record();
    PlanJson.write(record.plan(), out.resolve("execution_plan.json"));

    Summary summary = OutputAssembler.assemble(record, SummaryAddition.NONE);

    assertThat(SummaryJson.read(out.resolve("execution_summary.json"))).isEqualTo(summary);
    assertThat(read(out.resolve("docs/execution_summary.json")))
        .isEqualTo(read(out.resolve("execution_summary.json")));
    assertThat(read(out.resolve("docs/execution_plan.json")))
        .isEqualTo(read(out.resolve("execution_plan.json")));
    assertThat(out.resolve("src/todo/api.py")).exists();
    assertThat(out.resolve("tests/test_api.py")).exists();
    assertThat(read(out.resolve("README.md")))
        .contains("### task_2")
        .contains("```markdown\n# API\n```");
  }

  @Test
  void an_addition_is_asked_for_each_version_of_the_summary_and_written_after_its_own_fields()
      throws IOException {
    RunRecord record =
        new RunFixture(out).task("task_1").writes("src/a.py", "x = 1\n").completed().record();
    PlanJson.write(record.plan(), out.resolve("execution_plan.json"));
    SummaryAddition addition =
        summary ->
            Map.of(
                SummaryJson.REPOSITORY,
                Json.mapper().createObjectNode().put("verified", summary.verification() != null));

    Summary assembled = OutputAssembler.assemble(record, addition);
    JsonNode first = Json.mapper().readTree(out.resolve("execution_summary.json").toFile());
    OutputAssembler.recordVerification(
        record, assembled, Verification.notRun("the verify step is off"), addition);
    JsonNode second = Json.mapper().readTree(out.resolve("execution_summary.json").toFile());

    assertThat(first.at("/repository/verified").asBoolean()).isFalse();
    assertThat(second.at("/repository/verified").asBoolean()).isTrue();
    List<String> fields = new ArrayList<>();
    second.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).last().isEqualTo(SummaryJson.REPOSITORY);
    assertThat(read(out.resolve("docs/execution_summary.json")))
        .isEqualTo(read(out.resolve("execution_summary.json")));
    assertThat(SummaryJson.read(out.resolve("execution_summary.json")))
        .as("readers of the summary's own fields pass over it")
        .isEqualTo(assembled.withVerification(Verification.notRun("the verify step is off")));
  }

  @Test
  void an_addition_may_not_replace_a_field_of_the_summarys_own() throws IOException {
    RunRecord record =
        new RunFixture(out).task("task_1").writes("src/a.py", "x = 1\n").completed().record();
    PlanJson.write(record.plan(), out.resolve("execution_plan.json"));

    assertThatThrownBy(
            () ->
                OutputAssembler.assemble(
                    record, summary -> Map.of("completed", Json.mapper().valueToTree(99))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("completed");
  }
}
