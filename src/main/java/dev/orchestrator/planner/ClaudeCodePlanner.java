package dev.orchestrator.planner;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.OrchestratorException;
import dev.orchestrator.UsageException;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.planner.repository.RepositoryMap;
import dev.orchestrator.process.AgentFiles;
import dev.orchestrator.process.ClaudeCode;
import dev.orchestrator.process.ClaudeResult;
import dev.orchestrator.process.ProcessFailure;
import dev.orchestrator.usage.TokenUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans with Claude Code ({@code --planner claude-code}) in the same two steps, with the same
 * prompts, as the language-model planner: a complexity analysis, then the plan with dependencies
 * and the files each task owns ({@link PlanningPrompts}, read by {@link PlanReading}). Each step is
 * one {@code claude -p} without tools and with the planner's system prompt; the conversation is
 * {@link PlanningConversation}'s. A reply that cannot be used is asked again, quoting it and every
 * problem found in it, at most {@value #MAX_REPAIRS} times per step; each request is a new claude
 * run, so nothing depends on its saved sessions.
 *
 * <p>Claude runs in a scratch directory that is deleted afterwards, so it sees none of the user's
 * files.
 */
public final class ClaudeCodePlanner implements Planner {

  /** Repair rounds per step after the first reply. */
  public static final int MAX_REPAIRS = PlanningConversation.MAX_REPAIRS;

  private static final Logger log = LoggerFactory.getLogger(ClaudeCodePlanner.class);
  private static final String SOURCE = "Claude Code planner";

  private final ClaudeCode claude;
  private final AtomicReference<TokenUsage> spent = new AtomicReference<>();

  public ClaudeCodePlanner(ClaudeCode claude) {
    this.claude = requireNonNull(claude, "claude");
  }

  /**
   * {@inheritDoc}
   *
   * @throws UnusablePlanReply if a step's replies stay unusable after {@value #MAX_REPAIRS} repair
   *     rounds; it lists the problems of the last reply
   * @throws UsageException if claude cannot be found or started
   * @throws OrchestratorException if claude fails (not logged in, crashed, reported an error)
   * @throws OrchestratorException if the planning thread is interrupted; its interrupt flag stays
   *     set and claude has been ended
   */
  @Override
  public Plan plan(String requirements, int executorBudget) {
    return planFor(requirements, executorBudget, null);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Claude still runs in a scratch directory: it plans from the map, not from the repository's
   * files.
   *
   * @throws UnusablePlanReply as for a new project; a plan that claims paths under .git or outside
   *     the repository is such a reply
   */
  @Override
  public Plan plan(String requirements, int executorBudget, RepositoryMap repository) {
    return planFor(requirements, executorBudget, requireNonNull(repository, "repository"));
  }

  // A null repository plans a new project.
  private Plan planFor(String requirements, int executorBudget, RepositoryMap repository) {
    String requirement = Planner.checkedRequirement(requirements, executorBudget);
    String system = PlanningPrompts.system(repository);
    Path scratch;
    try {
      scratch = Files.createTempDirectory("orchestrator-plan-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a scratch directory for claude", e);
    }
    try {
      return new PlanningConversation(
              (step, round, turns) -> ask(scratch, system, step, round, turns), SOURCE, repository)
          .plan(requirement, executorBudget, "Claude Code");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OrchestratorException("planning with Claude Code was interrupted", e);
    } finally {
      deleteTree(scratch);
    }
  }

  @Override
  public TokenUsage usage() {
    return spent.get();
  }

  // Each round is a new claude run: the step's question, and in a repair round the previous reply
  // quoted with what was wrong with it.
  private PlanningConversation.Answer ask(
      Path scratch, String system, String step, int round, List<PlanningConversation.Turn> turns)
      throws InterruptedException {
    StringBuilder request = new StringBuilder(turns.get(0).text());
    if (turns.size() > 1) {
      request
          .append("\n\nYour previous reply:\n<<<\n")
          .append(turns.get(turns.size() - 2).text().strip())
          .append("\n>>>\n\n")
          .append(turns.get(turns.size() - 1).text());
    }
    return PlanningConversation.Answer.complete(
        ask(scratch, system, step.replace(' ', '-') + "-" + round, request.toString()));
  }

  private String ask(Path scratch, String system, String name, String prompt)
      throws InterruptedException {
    AgentFiles files =
        new AgentFiles(
            scratch.resolve(name + ".prompt.md"),
            scratch.resolve(name + ".stdout.log"),
            scratch.resolve(name + ".stderr.log"));
    files.writePrompt(prompt);
    ClaudeResult result;
    try {
      result =
          claude.answer(
              system, scratch, files, (message, fraction) -> log.info("planning: {}", message));
    } catch (ProcessFailure e) {
      spent.accumulateAndGet(e.usage(), TokenUsage::sum);
      // claude crashed or reported an error: a failed run (exit 1), not bad usage.
      throw new OrchestratorException(
          "planning with Claude Code failed: "
              + e.getMessage()
              + "; or plan offline with --planner heuristic",
          e);
    }
    spent.accumulateAndGet(result.usage(), TokenUsage::sum);
    log.info(
        "claude answered in {} turns, session {}, cost ${}",
        result.numTurns(),
        result.sessionId(),
        result.usage().costUsd());
    return result.text();
  }

  private static void deleteTree(Path directory) {
    try (Stream<Path> walk = Files.walk(directory)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.warn("could not delete the scratch directory {}", directory, e);
    }
  }
}
