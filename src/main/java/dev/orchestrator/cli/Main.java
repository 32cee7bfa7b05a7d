package dev.orchestrator.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code orchestrator} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    LogConfiguration.install();
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    Interruption interruption = new Interruption(err);
    interruption.install();
    System.exit(Cli.execute(args, out, err, System.console() != null, interruption));
  }
}
