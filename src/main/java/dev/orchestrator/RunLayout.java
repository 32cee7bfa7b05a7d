package dev.orchestrator;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where a run keeps what it writes beside the project in its output directory: the one place these
 * names are spelled (the output directory contract of the README). The project itself ({@code
 * src/}, {@code tests/}, {@code README.md}, ...) and the plan and summary files are named by the
 * classes that write them.
 *
 * <pre>
 * .orchestrator/                      run state; its journal marks the directory as a run
 *   consolidated-files.tsv            the files consolidation wrote, and their tasks
 *   attempts/&lt;task_id&gt;-&lt;n&gt;/            where an attempt writes before it is placed
 *   verify/round-&lt;n&gt;/                  the project copy, reports and logs of a verify round
 * executor_&lt;k&gt;/&lt;task_id&gt;/             a task's raw output, as its agent left it
 * orchestrator.log                    the run's log
 * report.html                         the run's report
 * </pre>
 */
public final class RunLayout {

  /** The run state directory; with a journal in it, it marks a directory as a run. */
  public static final String STATE = ".orchestrator";

  /** The run's log. */
  public static final String LOG = "orchestrator.log";

  /** The run's report. */
  public static final String REPORT = "report.html";

  private static final String EXECUTOR = "executor_";
  // What a run names its executors' directories: executor_1 ... executor_999999.
  private static final Pattern EXECUTOR_NAME = Pattern.compile(EXECUTOR + "[1-9][0-9]{0,5}");
  // What a project entry must not be named, lest it clash with one.
  private static final Pattern RUN_ENTRY =
      Pattern.compile(
          Pattern.quote(STATE)
              + "|"
              + Pattern.quote(LOG)
              + "|"
              + Pattern.quote(REPORT)
              + "|"
              + EXECUTOR
              + "\\d+",
          Pattern.CASE_INSENSITIVE);

  private RunLayout() {}

  /** {@code .orchestrator/} of the run directory {@code root}. */
  public static Path state(Path root) {
    return root.resolve(STATE);
  }

  /** {@code orchestrator.log}. */
  public static Path log(Path root) {
    return root.resolve(LOG);
  }

  /** {@code report.html}. */
  public static Path report(Path root) {
    return root.resolve(REPORT);
  }

  /** {@code .orchestrator/consolidated-files.tsv}. */
  public static Path consolidatedFiles(Path root) {
    return state(root).resolve("consolidated-files.tsv");
  }

  /** {@code .orchestrator/attempts/}. */
  public static Path attempts(Path root) {
    return state(root).resolve("attempts");
  }

  /** {@code .orchestrator/verify/round-<n>/}. */
  public static Path verifyRound(Path root, int round) {
    return state(root).resolve("verify").resolve("round-" + round);
  }

  /** {@code executor_<k>/}, where executor {@code k} keeps the raw output of its tasks. */
  public static Path executor(Path root, int executor) {
    return root.resolve(EXECUTOR + executor);
  }

  /** Whether a file name is that of an {@code executor_<k>} directory a run makes. */
  public static boolean isExecutorName(String name) {
    return EXECUTOR_NAME.matcher(name).matches();
  }

  /**
   * Whether a top-level name of an output directory is, or could be, one of the entries above:
   * case-insensitive (a project file named so would clash with it on a case-insensitive file
   * system), any {@code executor_<digits>}.
   */
  public static boolean isRunEntry(String name) {
    return RUN_ENTRY.matcher(name).matches();
  }
}
