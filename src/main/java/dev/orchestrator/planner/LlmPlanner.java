package dev.orchestrator.planner;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.orchestrator.OrchestratorException;
import dev.orchestrator.llm.ModelClient;
import dev.orchestrator.llm.ModelReply;
import dev.orchestrator.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans with a language model, in the original tool's two steps: a complexity analysis (score,
 * features, components, and a number of tasks that follows the score's band and may exceed the
 * executor budget), then the plan itself, with dependencies and the files each task owns.
 *
 * <p>Each reply is read as JSON (a {@code ```json} fence is fine) and the plan is checked by {@link
 * dev.orchestrator.plan.PlanJson#parse}, the validator of every plan, so the problems the model is
 * told about are the ones a user would see for a hand-written plan (see {@link PlanReading}). A
 * malformed, invalid or cut-off reply gets up to {@value #MAX_REPAIRS} repair rounds that quote
 * every problem; then planning fails with {@link UnusablePlanReply}. Thread-safe if its client is.
 */
public final class LlmPlanner implements Planner {

  /** Repair rounds per step after the first reply. */
  public static final int MAX_REPAIRS = 2;

  private static final Logger log = LoggerFactory.getLogger(LlmPlanner.class);
  private static final String ANALYSIS = "complexity analysis";
  private static final String PLAN = "plan";

  private final ModelClient client;

  public LlmPlanner(ModelClient client) {
    this.client = requireNonNull(client, "client");
  }

  /**
   * {@inheritDoc}
   *
   * @throws UnusablePlanReply if the model's replies stay unusable after the repair rounds
   * @throws dev.orchestrator.llm.ProviderRejection if the provider refuses the requests (bad key,
   *     unknown model)
   * @throws dev.orchestrator.llm.ProviderUnavailable if the provider stays unavailable
   */
  @Override
  public Plan plan(String requirements, int executorBudget) {
    String requirement = Planner.checkedRequirement(requirements, executorBudget);
    try {
      PlanReading.Analysis analysis =
          converse(
              ANALYSIS,
              PlanningPrompts.analysis(requirement, executorBudget),
              reply -> PlanReading.analysis(reply, requirement, executorBudget));
      log.info(
          "complexity {}/100 ({}), {} tasks",
          analysis.complexity().score(),
          analysis.complexity().band(),
          analysis.tasks());
      return converse(
          PLAN,
          PlanningPrompts.plan(
              requirement, analysis.complexity(), analysis.tasks(), executorBudget),
          reply ->
              PlanReading.plan(
                  reply,
                  requirement,
                  analysis.complexity(),
                  executorBudget,
                  client.settings().model() + " (" + client.settings().provider().id() + ")"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OrchestratorException("planning was interrupted", e);
    }
  }

  // One step: ask, read, and tell the model what was wrong until a reply is usable.
  private <T> T converse(String step, String prompt, Function<String, PlanReading.Reading<T>> read)
      throws InterruptedException {
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(SystemMessage.from(PlanningPrompts.SYSTEM));
    messages.add(UserMessage.from(prompt));
    List<String> problems = List.of();
    for (int round = 0; round <= MAX_REPAIRS; round++) {
      ModelReply reply = client.chat(ChatRequest.builder().messages(messages).build());
      if (!reply.text().isBlank()) {
        messages.add(reply.message());
      }
      String correction;
      if (reply.cutOff()) {
        problems =
            List.of(
                "the reply was cut off at the limit of "
                    + client.settings().maxOutputTokens()
                    + " output tokens; raise --max-output-tokens");
        correction = PlanningPrompts.cutOff(client.settings().maxOutputTokens());
      } else {
        PlanReading.Reading<T> reading = read.apply(reply.text());
        if (reading.value() != null) {
          return reading.value();
        }
        problems = reading.problems();
        correction = PlanningPrompts.repair(problems);
      }
      log.warn("the model's {} cannot be used: {}", step, problems);
      if (round < MAX_REPAIRS) {
        messages.add(UserMessage.from(correction));
      }
    }
    throw new UnusablePlanReply(step, MAX_REPAIRS, problems);
  }
}
