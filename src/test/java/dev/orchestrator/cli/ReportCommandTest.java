package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliRun.args;
import static dev.orchestrator.cli.CliRun.run;
import static dev.orchestrator.cli.CliTest.TODO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.cli.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code orchestrator report <output-dir>}, black-box. */
@Timeout(60)
class ReportCommandTest {

  @TempDir Path temp;

  @Test
  void renders_the_report_of_a_finished_run_from_its_files() throws Exception {
    Path out = temp.resolve("todo");
    assertThat(run(args(TODO, "-m", 3, "-o", out, "--simulate-delay", "0ms")).exitCode()).isZero();
    Files.deleteIfExists(out.resolve("report.html"));

    Result result = run(args("report", out));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Report written to " + out.resolve("report.html"));
    assertThat(Files.readString(out.resolve("report.html")))
        .contains(
            "<h1>Run report: a simulation</h1>",
            "Executor: simulated",
            TODO,
            "<g class=\"bar completed\"",
            "<g class=\"node ");
  }

  @Test
  void exits_2_saying_so_when_the_directory_has_no_summary() throws Exception {
    Path empty = Files.createDirectories(temp.resolve("empty"));

    Result result = run(args("report", empty));

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err()).contains("no execution_summary.json in " + empty);
    assertThat(empty.resolve("report.html")).doesNotExist();
  }

  @Test
  void exits_2_when_the_summary_is_unreadable() throws Exception {
    Path out = temp.resolve("todo");
    run(args(TODO, "-o", out, "--simulate-delay", "0ms"));
    Files.writeString(out.resolve("execution_summary.json"), "{\"requirements\": 3");

    Result result = run(args("report", out));

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err()).contains("is not a readable execution summary");
  }
}
