/**
 * {@code --engine temporal}: a run's dispatch as a Temporal workflow, so that it outlives the
 * coordinator and its attempts run on workers on other machines. The workflow ({@link
 * dev.orchestrator.temporal.ReadyQueueRun}) drives the same {@code ReadyQueue} as the local
 * dispatcher; workers ({@link dev.orchestrator.temporal.TaskWorker}) run each attempt as an
 * activity ({@link dev.orchestrator.temporal.AgentTaskActivity}); task files travel as {@link
 * dev.orchestrator.temporal.Bundle}s; the coordinator ({@link
 * dev.orchestrator.temporal.TemporalEngine}) records the workflow's facts through its {@link
 * dev.orchestrator.temporal.Ledger}. Only the command line reaches this package, only this package
 * uses {@code io.temporal}, and it depends on none of {@code planner}, {@code llm}, {@code
 * output.report} or {@code cli} ({@code ArchitectureTest}).
 *
 * <p>Threads:
 *
 * <ul>
 *   <li>Workflow code runs on Temporal's workflow threads and must be deterministic: no clock but
 *       the workflow's, no threads of its own; concurrent attempts are workflow threads whose ends
 *       are handled in history order.
 *   <li>On a worker, activities run on the SDK's activity threads, at most one per agent: each
 *       attempt takes an agent from a blocking queue and gives it back. Workers share a cache of
 *       plans (under its own monitor), the unpacked bundles (a concurrent map) and one {@code
 *       attempt-timers} thread for time limits and heartbeats.
 *   <li>On the coordinator, the ledger is an activity of a worker that runs one at a time, so the
 *       workflow's facts are recorded in order, one batch at a time, through the run's {@code
 *       EngineRun}; the coordinator's own thread starts or attaches to the workflow and waits for
 *       it to end.
 * </ul>
 */
package dev.orchestrator.temporal;
