/**
 * What every package of the orchestrator shares: the one JSON mapper ({@link
 * dev.orchestrator.Json}), the run directory's layout ({@link dev.orchestrator.RunLayout}), file
 * operations that never follow a link out ({@link dev.orchestrator.SafeFiles}, {@link
 * dev.orchestrator.AtomicFile}), secrets and their masking ({@link dev.orchestrator.Secrets}), the
 * waits between retries ({@link dev.orchestrator.Sleeper}), interrupts aimed at one piece of work
 * ({@link dev.orchestrator.Interrupter}) and the exceptions a user can act on ({@link
 * dev.orchestrator.OrchestratorException}). It depends on none of its sub-packages ({@code
 * ArchitectureTest}).
 *
 * <p>Threads: an {@link dev.orchestrator.Interrupter} is made by the thread it may interrupt (an
 * executor or a worker's activity during an attempt, the verify step during a test command) and is
 * interrupted from another (a time limit's timer, a cancel request); deciding and withdrawing both
 * take its lock. A {@link dev.orchestrator.Secrets#masking masking} writer holds its pending text
 * under the writer's lock.
 */
package dev.orchestrator;
