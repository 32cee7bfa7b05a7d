/**
 * The verify step: copy the consolidated project aside, find how it is tested (or take {@code
 * --verify-command}), run the tests with a time limit, read each test's result and the coverage
 * from the runners' reports, and, while tests fail and rounds are left, turn each failure into fix
 * tasks for the tasks that own its files ({@link dev.orchestrator.verify.VerificationLoop}). Fix
 * tasks run only through the run's {@link dev.orchestrator.verify.Repairs}: this package depends on
 * none of {@code run}, {@code cli}, {@code schedule}, {@code llm}, {@code planner} or {@code agent}
 * ({@code ArchitectureTest}).
 *
 * <p>Threads: the step runs on the thread that finishes the run. A test command runs as a child
 * process ({@code process}) that this thread waits for; a {@code verify-time-limit} timer thread
 * interrupts the wait through an {@code Interrupter} when the time is up, as a cancel request does
 * from another thread.
 */
package dev.orchestrator.verify;
