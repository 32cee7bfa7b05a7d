/**
 * What a run leaves behind, made from its record ({@link dev.orchestrator.output.RunRecord}): the
 * raw outputs consolidated into one project ({@link dev.orchestrator.output.Consolidator}), the
 * measured {@link dev.orchestrator.output.Summary} and {@code execution_summary.json}, the project
 * README, and the values these files share with the journal (attempts, task results, usage,
 * verification rounds). {@link dev.orchestrator.output.OutputAssembler} runs them in the one order
 * that works. Outputs do not reach back: this package depends on none of {@code run}, {@code
 * planner}, {@code llm}, {@code schedule}, {@code agent} or {@code verify} ({@code
 * ArchitectureTest}).
 *
 * <p>Threads: it starts none. Consolidation, the summary and the README are made on the thread that
 * finishes the run, after the executors have ended; its values are immutable records that any
 * thread may share.
 */
package dev.orchestrator.output;
