/**
 * Child processes: running a command-line agent or test command so that its whole process tree ends
 * with it ({@link dev.orchestrator.process.AgentProcess}, {@link
 * dev.orchestrator.process.ProcessSession}), the allow-listed environment it gets, its output read
 * in bounded memory, and Claude Code in headless mode with its stream of events ({@link
 * dev.orchestrator.process.ClaudeCode}). It sits below the agents, planners and outputs: it depends
 * on none of {@code plan}, {@code planner}, {@code schedule}, {@code agent}, {@code llm}, {@code
 * run}, {@code output} or {@code cli} ({@code ArchitectureTest}).
 *
 * <p>Threads: the thread that starts a child waits for it; one {@code agent-stdout-<pid>} thread
 * per child reads its standard output and passes the lines on, so a {@link
 * dev.orchestrator.process.ProgressSink} is called from that thread and must be thread-safe.
 * Interrupting the waiting thread ends the child's process tree.
 */
package dev.orchestrator.process;
