package dev.orchestrator.output;

import dev.orchestrator.plan.PlanJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Finishes the output directory of a run, in the only order that works:
 *
 * <ol>
 *   <li>{@link Consolidator#consolidate} builds {@code src/}, {@code tests/}, {@code docs/} and
 *       finds the conflicts;
 *   <li>{@link SummaryAggregator#aggregate} measures the results, conflicts included, and {@link
 *       SummaryJson} writes {@code execution_summary.json};
 *   <li>{@link Consolidator#copyRunFiles} copies the plan and that summary into {@code docs/};
 *   <li>{@link ProjectReadme#write} writes the combined {@code README.md}.
 * </ol>
 *
 * Callers that need a step on its own (a report re-rendered from a summary) use those classes
 * directly.
 */
public final class OutputAssembler {

  /**
   * The files {@link #assemble} writes whatever the agents wrote, relative to the output directory;
   * the consolidated project's files are listed apart ({@link ConsolidatedEntries}).
   */
  public static final List<String> OWN_FILES =
      List.of(
          SummaryJson.FILE_NAME,
          ProjectReadme.FILE_NAME,
          ProjectLayout.DOCS + "/" + PlanJson.FILE_NAME,
          ProjectLayout.DOCS + "/" + SummaryJson.FILE_NAME);

  private OutputAssembler() {}

  /**
   * Consolidates the run and writes its summary, with the fields {@code addition} gives, and its
   * README.
   *
   * <p>The caller has written {@code execution_plan.json} into the output directory and every task
   * has finished; the raw directories are only read.
   *
   * @return the summary that was written
   * @throws IllegalStateException if {@code execution_plan.json} has not been written
   * @throws UncheckedIOException if a file cannot be read or written
   */
  public static Summary assemble(RunRecord run, SummaryAddition addition) {
    Consolidation consolidation = Consolidator.consolidate(run);
    Summary summary = SummaryAggregator.aggregate(run, consolidation);
    write(run, summary, addition);
    ProjectReadme.write(run, summary, consolidation);
    return summary;
  }

  /**
   * Writes the summary of a run again, with what the verify step found and the fields {@code
   * addition} gives; its copy in {@code docs/} too.
   *
   * @return the summary that was written
   * @throws UncheckedIOException if a file cannot be written
   */
  public static Summary recordVerification(
      RunRecord run, Summary summary, Verification verification, SummaryAddition addition) {
    Summary verified = summary.withVerification(verification);
    write(run, verified, addition);
    return verified;
  }

  // The summary with what the caller adds, and its copy in docs/.
  private static void write(RunRecord run, Summary summary, SummaryAddition addition) {
    Path summaryFile = run.outputDirectory().resolve(SummaryJson.FILE_NAME);
    try {
      SummaryJson.write(summary, addition.fields(summary), summaryFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + summaryFile, e);
    }
    Consolidator.copyRunFiles(run.outputDirectory());
  }
}
