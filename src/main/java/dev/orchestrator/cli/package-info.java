/**
 * The {@code orchestrator} command line: picocli commands and their option groups, settings from
 * the environment and the config file, the one composition root that builds an {@code Orchestrator}
 * from them ({@link dev.orchestrator.cli.RunAssembly}), what is printed ({@link
 * dev.orchestrator.cli.Console}, live or plain progress), signals, logging set-up, and exit codes
 * ({@link dev.orchestrator.cli.Cli}, the only place outcomes become codes). It may depend on every
 * package; nothing depends on it ({@code ArchitectureTest}).
 *
 * <p>Threads: a command runs on the main thread. Progress displays are run listeners, so they draw
 * on the run's one event thread ({@code run-events}), and hear the run's end on the thread that ran
 * the run, once everything else has been delivered. SIGINT and SIGTERM are handled on the JVM's
 * signal threads: {@link dev.orchestrator.cli.Interruption} keeps its state in volatile fields and
 * an atomic count, runs only the action the command gave it (the orchestrator's cancel, a worker's
 * stop), and schedules the forced exit on a delayed executor. The cost limit is reported from
 * whichever thread recorded the request that reached it.
 */
package dev.orchestrator.cli;
