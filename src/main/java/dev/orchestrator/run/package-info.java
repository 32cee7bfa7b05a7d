/**
 * A run as a library ({@link dev.orchestrator.run.Orchestrator}): claim and lock the output
 * directory, plan, dispatch every task not completed before (on executor threads here, or through
 * an {@link dev.orchestrator.run.Engine} elsewhere), retry and time-limit attempts, place each
 * task's raw output, journal the run for {@code resume}, then summary, verify step with repair
 * rounds, report. Progress leaves through one channel, {@link dev.orchestrator.run.RunEvent}, to
 * {@link dev.orchestrator.run.RunListener}s. It reaches models only through agents and planners: it
 * does not depend on {@code llm} ({@code ArchitectureTest}).
 *
 * <p>Threads, in a local run:
 *
 * <ul>
 *   <li>The thread that calls the orchestrator plans, starts the dispatch and waits for it, then
 *       writes the outputs and runs the verify step; it journals the run's start and end.
 *   <li>Executor threads {@code Executor-1..M} (made for the {@code Dispatcher}) run the attempts,
 *       one {@link dev.orchestrator.run.TaskAttempt} and so one agent per executor, place the
 *       output ({@link dev.orchestrator.run.RawOutputs}, {@link dev.orchestrator.run.TaskEnds}:
 *       each task's slot set once by the thread that ended it, in atomic arrays) and journal a
 *       completion before the dispatcher may start a dependent.
 *   <li>One {@code task-timeouts} thread interrupts an attempt whose time is up ({@link
 *       dev.orchestrator.run.AttemptTimer}, through an {@code Interrupter}).
 *   <li>One {@code run-events} thread ({@link dev.orchestrator.run.EventWriter}) delivers every
 *       event, in the order sent, to the listeners, the journal's records of failed and skipped
 *       tasks among them; senders, the dispatcher under its lock included, only enqueue.
 *   <li>The {@link dev.orchestrator.run.Journal} is appended to by the calling thread, the
 *       executors and the event thread: each record is written under the journal's monitor, and a
 *       record that must be on disk is forced under a second lock, {@code forcing}, where one force
 *       carries every record written before it (group commit), so executors completing together
 *       share it.
 *   <li>Stop and cancel requests ({@link dev.orchestrator.run.RunControl}, volatile fields) come
 *       from any thread, e.g. a signal handler or the cost meter's limit.
 * </ul>
 *
 * <p>A remote engine calls {@link dev.orchestrator.run.EngineRun} from its own threads; its methods
 * that accept a task's end are synchronized, so each task is accepted once.
 */
package dev.orchestrator.run;
