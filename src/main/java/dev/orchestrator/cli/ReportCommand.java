package dev.orchestrator.cli;

import dev.orchestrator.output.report.RunReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code orchestrator report <output-dir>}: renders report.html again from the run's files. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Render report.html of a finished run again.",
      "It is made from the run's execution_summary.json and execution_plan.json: summary,"
          + " executors' timeline, task graph, per-task table; for a run on a repository also"
          + " its branch, tests and each task's diff (executor_<k>/<task>.patch). The page is"
          + " self-contained: open it in any browser, offline."
    })
final class ReportCommand implements Callable<Integer> {

  @ParentCommand OrchestratorCommand parent;

  @Parameters(paramLabel = "OUTPUT_DIR", description = "The output directory of a finished run.")
  Path outputDirectory;

  @Override
  public Integer call() {
    Path file = RunReport.rerender(outputDirectory);
    parent.out.println("Report written to " + file);
    parent.out.flush();
    return Cli.OK;
  }
}
