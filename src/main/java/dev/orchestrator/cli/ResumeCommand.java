package dev.orchestrator.cli;

import dev.orchestrator.run.Orchestrator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code orchestrator resume <output-dir>}: finishes an interrupted run. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Finish an interrupted run; completed tasks are not redone.",
      "Tasks completed with intact output are kept, the rest run again, then the summary and the"
          + " consolidated project cover every task. The log continues."
    })
final class ResumeCommand implements Callable<Integer> {

  @ParentCommand OrchestratorCommand parent;

  @Parameters(paramLabel = "OUTPUT_DIR", description = "The output directory of the run.")
  Path directory;

  @Mixin RunOptions options;

  @Mixin JsonOption output;

  @Override
  public Integer call() throws InterruptedException {
    Console console = parent.console(output.json);
    Orchestrator orchestrator = options.orchestrator(console.progress());
    parent.interruption.onFirst(orchestrator::cancel);
    return console.finished(orchestrator.resume(directory), parent.interruption);
  }
}
