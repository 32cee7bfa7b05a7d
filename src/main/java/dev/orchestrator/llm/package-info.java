/**
 * Model providers: the one client through which the planner and the agents reach a model ({@link
 * dev.orchestrator.llm.ModelClient}, around LangChain4j), retries of transient failures honouring
 * {@code retry-after} ({@link dev.orchestrator.llm.RequestRetry}), a bound on requests in flight
 * ({@link dev.orchestrator.llm.RequestLimiter}), prices, and the run's spending ({@link
 * dev.orchestrator.llm.CostMeter}). The run, the dispatcher, the outputs and the verify step do not
 * depend on this package ({@code ArchitectureTest}); they reach models only through agents and
 * planners.
 *
 * <p>Threads: the executors of a run share one client, and the planner and every executor share the
 * limiter and the meter, so all three are thread-safe. The limiter is a fair semaphore, held only
 * while a request is on the wire. The meter adds up under its own lock and runs its limit actions
 * after releasing it, on the thread of the request that reached the limit.
 */
package dev.orchestrator.llm;
