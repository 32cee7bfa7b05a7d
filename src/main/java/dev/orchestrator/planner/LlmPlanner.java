package dev.orchestrator.planner;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.orchestrator.OrchestratorException;
import dev.orchestrator.llm.ModelClient;
import dev.orchestrator.llm.ModelReply;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.planner.repository.RepositoryMap;
import dev.orchestrator.usage.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Plans with a language model, in the original tool's two steps: a complexity analysis (score,
 * features, components, and a number of tasks that follows the score's band and may exceed the
 * executor budget), then the plan itself, with dependencies and the files each task owns.
 *
 * <p>The conversation is {@link PlanningConversation}'s, shared with the Claude Code planner: each
 * reply is read as JSON (a {@code ```json} fence is fine) by {@link PlanReading}, and a malformed,
 * invalid or cut-off reply gets up to {@value #MAX_REPAIRS} repair rounds that quote every problem;
 * then planning fails with {@link UnusablePlanReply}. Here each round sends the whole step so far
 * as one chat. Thread-safe if its client is.
 */
public final class LlmPlanner implements Planner {

  /** Repair rounds per step after the first reply. */
  public static final int MAX_REPAIRS = PlanningConversation.MAX_REPAIRS;

  private final ModelClient client;
  private final AtomicReference<TokenUsage> spent = new AtomicReference<>();

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
    return planFor(requirements, executorBudget, null);
  }

  /**
   * {@inheritDoc}
   *
   * @throws UnusablePlanReply if the model's replies stay unusable after the repair rounds; a plan
   *     that claims paths under .git or outside the repository is such a reply
   */
  @Override
  public Plan plan(String requirements, int executorBudget, RepositoryMap repository) {
    return planFor(requirements, executorBudget, requireNonNull(repository, "repository"));
  }

  // A null repository plans a new project.
  private Plan planFor(String requirements, int executorBudget, RepositoryMap repository) {
    String requirement = Planner.checkedRequirement(requirements, executorBudget);
    String system = PlanningPrompts.system(repository);
    try {
      return new PlanningConversation(
              (step, round, turns) -> ask(system, turns), PlanReading.SOURCE, repository)
          .plan(
              requirement,
              executorBudget,
              client.settings().model() + " (" + client.settings().provider().id() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OrchestratorException("planning was interrupted", e);
    }
  }

  @Override
  public TokenUsage usage() {
    return spent.get();
  }

  // The whole step so far goes to the model as one chat, after the system prompt.
  private PlanningConversation.Answer ask(String system, List<PlanningConversation.Turn> turns)
      throws InterruptedException {
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(SystemMessage.from(system));
    for (PlanningConversation.Turn turn : turns) {
      if (turn.fromPlanner()) {
        messages.add(UserMessage.from(turn.text()));
      } else if (!turn.text().isBlank()) {
        messages.add(AiMessage.from(turn.text()));
      }
    }
    ModelReply reply = client.chat(ChatRequest.builder().messages(messages).build());
    spent.accumulateAndGet(new TokenUsage(reply.tokens(), reply.costUsd()), TokenUsage::sum);
    return new PlanningConversation.Answer(
        reply.text(),
        reply.cutOff() ? OptionalInt.of(client.settings().maxOutputTokens()) : OptionalInt.empty());
  }
}
