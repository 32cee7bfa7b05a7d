/**
 * {@code report.html}: one self-contained page (summary figures, the executors' timeline, the task
 * graph, a table of the tasks and the verify step's rounds), built from a {@link
 * dev.orchestrator.output.report.ReportModel} of a finished run or a simulated schedule, with every
 * name escaped and no script. The Temporal engine does not depend on it ({@code ArchitectureTest}).
 * Runs on the caller's thread.
 */
package dev.orchestrator.output.report;
