package dev.orchestrator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The training run of the class-data-sharing archive that the build makes ({@code
 * target/orchestrator.jsa}, used by the launcher): the short commands a user runs most, in one JVM,
 * so that the archive holds the classes each of them loads. Writes only under the directory it is
 * given.
 */
public final class CdsTraining {

  private CdsTraining() {}

  /**
   * @param args one directory to write the training runs into
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CdsTraining DIRECTORY");
    }
    LogConfiguration.install(); // as Main does, so the archive holds those classes too
    Path root = Files.createDirectories(Path.of(args[0]));
    Path plan = root.resolve("plan");
    Path run = root.resolve("run");
    String todo = "Build a todo list app with backend API and frontend UI";
    Map<String, String> environment = Map.of("PATH", root.toString(), "NO_COLOR", "1");
    String[][] commands = {
      {"--help"},
      {"plan", "--help"},
      {"--version"},
      {"plan", todo, "-o", plan.toString(), "--force"},
      {"simulate", "--plan", plan.resolve("execution_plan.json").toString(), "--sweep", "1..4"},
      {todo, "-o", run.toString(), "--force", "--simulate-delay", "0ms"},
      {"report", run.toString()},
      {"completion"},
      {"pln", "x"},
      {"-m", "abc"}
    };
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    for (String[] command : commands) {
      Cli.execute(command, nowhere, nowhere, false, environment);
    }
  }
}
