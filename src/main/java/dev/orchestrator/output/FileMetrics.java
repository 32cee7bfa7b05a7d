package dev.orchestrator.output;

/**
 * Figures measured on the files of a task's raw output.
 *
 * @param filesCreated regular files found on disk
 * @param linesOfCode non-blank lines of the text files; binary files count none
 * @param testCoverage line coverage 0..1; null, as no tests are run while aggregating
 */
public record FileMetrics(int filesCreated, long linesOfCode, long bytes, Double testCoverage) {

  public static final FileMetrics NONE = new FileMetrics(0, 0, 0, null);
}
