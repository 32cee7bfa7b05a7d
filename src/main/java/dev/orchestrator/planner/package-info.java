/**
 * Planners turn a requirement into a plan: the {@link dev.orchestrator.plan.Plan} comes from the
 * offline heuristic planner (requirement parsing, components, task templates, budgets), from a
 * model through {@code llm}, or from Claude Code through {@code process}. Planners do not run
 * anything: they depend on none of {@code schedule}, {@code run}, {@code output} or {@code agent}
 * ({@code ArchitectureTest}). Against an existing repository they plan from its bounded map ({@code
 * planner.repository}), which the caller builds from the repository's tracked paths.
 *
 * <p>Threads: a planner runs on the thread that asks for the plan; the model planners keep what
 * their planning cost in an {@code AtomicReference}, so another thread may read it.
 */
package dev.orchestrator.planner;
