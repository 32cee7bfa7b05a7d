/**
 * Agents do the work of one task: {@link dev.orchestrator.agent.Agent} and its implementations (a
 * simulated agent, a model through {@code llm}, Claude Code, any command), the {@link
 * dev.orchestrator.agent.TaskWorkspace} every write goes through and that keeps it inside the
 * attempt's directory, and the prompts and dependency files an agent is given. Agents never see the
 * queue: this package depends on none of {@code schedule}, {@code run}, {@code output} or {@code
 * planner} ({@code ArchitectureTest}).
 *
 * <p>Threads: one agent instance serves one executor, so it is called by one thread at a time;
 * agents of different executors run at once and share only what is thread-safe (a model client).
 * Progress may be reported from a child process's output reader thread (see {@code process}). A
 * {@link dev.orchestrator.agent.TaskWorkspace} counts bytes written atomically, and {@link
 * dev.orchestrator.agent.DependencyOutputs} gathers the dependencies' files once, under its own
 * lock, on first use.
 */
package dev.orchestrator.agent;
