package dev.orchestrator.run;

import dev.orchestrator.Secrets;
import dev.orchestrator.Sleeper;
import dev.orchestrator.agent.Agent;
import dev.orchestrator.output.Backend;
import dev.orchestrator.output.SummaryAddition;
import dev.orchestrator.verify.VerificationSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * How an orchestrator runs plans, as its builder set it.
 *
 * @param engine where attempts run; null for executor threads in this process with {@code agents}
 * @param verification the verify step; null when it is off, for the reason {@code verificationOff}
 * @param plannerKind what planned, for the summary to name; null when unnamed
 * @param executorKind what the local agents are, for the summary to name; null when unnamed. Not
 *     used with an {@code engine}: its workers report what ran each attempt
 * @param options the options a session runs with, for the journal: {@code resume} runs with them
 * @param summaryAddition what the summary gets besides its own fields, each time it is written
 */
record RunSettings(
    IntFunction<Agent> agents,
    RunListener listener,
    Clock clock,
    RetryPolicy retryPolicy,
    Sleeper sleeper,
    Secrets secrets,
    Engine engine,
    VerificationSettings verification,
    String verificationOff,
    Backend plannerKind,
    Backend executorKind,
    Map<String, List<String>> options,
    SummaryAddition summaryAddition) {

  /** These settings naming another planner (the same one, with what its planning spent). */
  RunSettings withPlannerKind(Backend planner) {
    return new RunSettings(
        agents,
        listener,
        clock,
        retryPolicy,
        sleeper,
        secrets,
        engine,
        verification,
        verificationOff,
        planner,
        executorKind,
        options,
        summaryAddition);
  }
}
