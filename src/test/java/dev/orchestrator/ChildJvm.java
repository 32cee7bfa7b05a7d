package dev.orchestrator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a JVM that a test starts as a process of its own (an {@code orchestrator}
 * run, a worker, a coordinator): the tests' Java, options for a short-lived process, and the tests'
 * class path.
 */
public final class ChildJvm {

  /**
   * For JVMs that live seconds: the client compiler only and the serial collector. Each such JVM
   * used about a third less CPU time on the 2-core build machine (no C2 compiler threads, no G1
   * threads), and the suite starts dozens of them. They change no behaviour the tests assert.
   */
  public static final List<String> OPTIONS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData");

  private ChildJvm() {}

  /** {@code java}, the options above and {@code -cp} with the tests' class path. */
  public static List<String> java() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(OPTIONS);
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    return command;
  }

  /** {@link #java()} running the command line's {@code Main} with these arguments. */
  public static List<String> orchestrator(String... arguments) {
    List<String> command = java();
    command.add("dev.orchestrator.cli.Main");
    command.addAll(List.of(arguments));
    return command;
  }
}
