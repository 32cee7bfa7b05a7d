/**
 * Dispatch: in which order ready tasks are taken ({@link dev.orchestrator.schedule.DispatchOrder},
 * {@link dev.orchestrator.schedule.OrderSearch}), the thread-free {@link
 * dev.orchestrator.schedule.ReadyQueue} of scheduling decisions, and its two drivers: the threaded
 * {@link dev.orchestrator.schedule.Dispatcher} and the virtual-clock {@link
 * dev.orchestrator.schedule.Simulator} that predicts it. It knows tasks only by position and a
 * {@link dev.orchestrator.schedule.TaskWork} that succeeds or not: it depends on none of {@code
 * planner}, {@code agent}, {@code llm}, {@code run} or {@code output} ({@code ArchitectureTest}).
 *
 * <p>Threads: a {@link dev.orchestrator.schedule.Dispatcher} starts up to M executor threads from
 * the {@code ThreadFactory} it is given (the run names them {@code Executor-1..M}). They share one
 * {@code ReentrantLock}, which guards the {@code ReadyQueue} (not thread-safe itself), the stop
 * request and the first executor failure; an executor with nothing to take waits on the lock's
 * condition and is signalled when a task ends or the dispatch stops. The work itself runs outside
 * the lock. {@link dev.orchestrator.schedule.DispatchListener} calls are made under the lock, so
 * listeners must only hand on. {@code stop} and {@code cancel} may come from any thread. The
 * simulator, the list scheduler and the order search run on the caller's thread alone.
 */
package dev.orchestrator.schedule;
