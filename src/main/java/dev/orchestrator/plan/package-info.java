/**
 * The plan: immutable records of a plan and its tasks, reading and writing them as JSON, validation
 * that reports every problem, and the facts of the task graph (topological order, critical path,
 * file conflicts, forecast durations). It depends on nothing of ours but the root package ({@code
 * ArchitectureTest}): every other package reads plans, none is read here.
 *
 * <p>Threads: the values are immutable and may be shared freely. {@link
 * dev.orchestrator.plan.TaskGraph} makes some derived arrays on first use and publishes them
 * through volatile fields, so any thread may ask.
 */
package dev.orchestrator.plan;
