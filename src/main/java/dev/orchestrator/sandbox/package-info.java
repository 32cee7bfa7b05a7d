/**
 * Confinement of the processes a run starts (command agents, Claude Code, test commands) with
 * bubblewrap: what a process may see and change ({@link dev.orchestrator.sandbox.SandboxPolicy}),
 * the command line that enforces it ({@link dev.orchestrator.sandbox.BwrapCommand}, pure), whether
 * bubblewrap works here ({@link dev.orchestrator.sandbox.BwrapProbe}), and the run's choice ({@link
 * dev.orchestrator.sandbox.Sandbox}). It depends only on the root package, so {@code process} and
 * the packages that start processes can use it.
 */
package dev.orchestrator.sandbox;
