package dev.orchestrator.planner;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.planner.repository.RepositoryMap;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model planners' conversation, whoever answers: a complexity analysis, then the plan, each
 * step asked, read, and told what was wrong (every problem quoted) until a reply is usable, at most
 * {@value #MAX_REPAIRS} repair rounds per step; then planning fails with {@link UnusablePlanReply}.
 * How a question reaches the model is the {@link Asker}'s business. Not thread-safe: one
 * conversation per planning.
 */
final class PlanningConversation {

  /** Repair rounds per step after the first reply. */
  static final int MAX_REPAIRS = 2;

  private static final Logger log = LoggerFactory.getLogger(PlanningConversation.class);

  /** One turn of a step: what the planner said, or what the model answered. */
  record Turn(boolean fromPlanner, String text) {
    Turn {
      requireNonNull(text, "text");
    }
  }

  /**
   * A reply.
   *
   * @param cutOffAt the output-token limit that cut the reply short; empty when it is complete
   */
  record Answer(String text, OptionalInt cutOffAt) {
    Answer {
      requireNonNull(text, "text");
      requireNonNull(cutOffAt, "cutOffAt");
    }

    static Answer complete(String text) {
      return new Answer(text, OptionalInt.empty());
    }
  }

  /** Where the questions go: a model API, or a headless coding agent. */
  interface Asker {
    /**
     * The model's answer to the last turn.
     *
     * @param step "complexity analysis" or "plan", with the round, for file names and logs
     * @param turns the step so far, planner first, alternating, ending with the planner's turn; the
     *     system prompt is {@link PlanningPrompts#system} of the conversation's repository
     */
    Answer ask(String step, int round, List<Turn> turns) throws InterruptedException;
  }

  private final Asker asker;
  private final String source;
  private final RepositoryMap repository;

  /**
   * @param source who plans, for messages: "language-model planner", "Claude Code planner"
   * @param repository the repository the plan changes, quoted in each step; null for a new project
   */
  PlanningConversation(Asker asker, String source, RepositoryMap repository) {
    this.asker = requireNonNull(asker, "asker");
    this.source = requireNonNull(source, "source");
    this.repository = repository;
  }

  /**
   * Both steps.
   *
   * @param plannedBy for the plan's notes: "Planned by {plannedBy}."
   */
  dev.orchestrator.plan.Plan plan(String requirement, int executors, String plannedBy)
      throws InterruptedException {
    PlanReading.Analysis analysis =
        step(
            "complexity analysis",
            PlanningPrompts.analysis(requirement, executors, repository),
            reply -> PlanReading.analysis(reply, requirement, executors));
    log.info(
        "complexity {}/100 ({}), {} tasks",
        analysis.complexity().score(),
        analysis.complexity().band(),
        analysis.tasks());
    return step(
        "plan",
        PlanningPrompts.plan(
            requirement, analysis.complexity(), analysis.tasks(), executors, repository),
        reply -> PlanReading.plan(reply, requirement, analysis.complexity(), executors, plannedBy));
  }

  private <T> T step(String step, String prompt, Function<String, PlanReading.Reading<T>> read)
      throws InterruptedException {
    List<Turn> turns = new ArrayList<>();
    turns.add(new Turn(true, prompt));
    List<String> problems = List.of();
    for (int round = 0; round <= MAX_REPAIRS; round++) {
      Answer answer = asker.ask(step, round, List.copyOf(turns));
      turns.add(new Turn(false, answer.text()));
      String correction;
      if (answer.cutOffAt().isPresent()) {
        int limit = answer.cutOffAt().getAsInt();
        problems =
            List.of(
                "the reply was cut off at the limit of "
                    + limit
                    + " output tokens; raise --max-output-tokens");
        correction = PlanningPrompts.cutOff(limit);
      } else {
        PlanReading.Reading<T> reading = read.apply(answer.text());
        if (reading.value() != null) {
          return reading.value();
        }
        problems = reading.problems();
        correction = PlanningPrompts.repair(problems);
      }
      log.warn("the {} of the {} cannot be used: {}", step, source, problems);
      turns.add(new Turn(true, correction));
    }
    throw new UnusablePlanReply(source, step, MAX_REPAIRS, problems);
  }
}
