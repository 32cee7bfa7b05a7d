package dev.orchestrator.output;

import static dev.orchestrator.output.RunFixture.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.plan.PlanJson;
import java.io.IOException;
import java.nio.file.Path;
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

    Summary summary = OutputAssembler.assemble(record);

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
}
