/**
 * Values every package that counts model use shares: {@link dev.orchestrator.usage.Tokens}, {@link
 * dev.orchestrator.usage.TokenUsage} and exact dollar amounts ({@link
 * dev.orchestrator.usage.Dollars}). Immutable; it depends on no other package of ours ({@code
 * ArchitectureTest} keeps it below the plan, the run, the agents, the models and the processes).
 */
package dev.orchestrator.usage;
