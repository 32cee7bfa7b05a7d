package dev.orchestrator.planner;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.OrchestratorException;
import dev.orchestrator.UsageException;
import dev.orchestrator.plan.InvalidPlanException;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.process.AgentFiles;
import dev.orchestrator.process.ClaudeCode;
import dev.orchestrator.process.ClaudeResult;
import dev.orchestrator.process.ProcessFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans with Claude Code ({@code --planner claude-code}) in the same two steps, with the same
 * prompts, as the language-model planner: a complexity analysis, then the plan with dependencies
 * and the files each task owns ({@link PlanningPrompts}, read by {@link PlanReading}). Each step is
 * one {@code claude -p} without tools and with the planner's system prompt. A reply that cannot be
 * used is asked again, quoting it and every problem found in it, at most {@value #MAX_REPAIRS}
 * times per step; each request is a new claude run, so nothing depends on its saved sessions.
 *
 * <p>Claude runs in a scratch directory that is deleted afterwards, so it sees none of the user's
 * files.
 */
public final class ClaudeCodePlanner implements Planner {

  /** Repair rounds per step after the first reply. */
  public static final int MAX_REPAIRS = 2;

  private static final Logger log = LoggerFactory.getLogger(ClaudeCodePlanner.class);
  private static final String SOURCE = "Claude Code planner";

  private final ClaudeCode claude;

  public ClaudeCodePlanner(ClaudeCode claude) {
    this.claude = requireNonNull(claude, "claude");
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidPlanException if a step's replies stay unusable after {@value #MAX_REPAIRS}
   *     repair rounds; it lists the problems of the last reply
   * @throws UsageException if claude cannot be found or started
   * @throws OrchestratorException if claude fails (not logged in, crashed, reported an error)
   * @throws OrchestratorException if the planning thread is interrupted; its interrupt flag stays
   *     set and claude has been ended
   */
  @Override
  public Plan plan(String requirements, int executorBudget) {
    String requirement = Planner.checkedRequirement(requirements, executorBudget);
    Path scratch;
    try {
      scratch = Files.createTempDirectory("orchestrator-plan-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a scratch directory for claude", e);
    }
    try {
      PlanReading.Analysis analysis =
          converse(
              scratch,
              "complexity analysis",
              PlanningPrompts.analysis(requirement, executorBudget),
              reply -> PlanReading.analysis(reply, requirement, executorBudget));
      log.info(
          "complexity {}/100 ({}), {} tasks",
          analysis.complexity().score(),
          analysis.complexity().band(),
          analysis.tasks());
      return converse(
          scratch,
          "plan",
          PlanningPrompts.plan(
              requirement, analysis.complexity(), analysis.tasks(), executorBudget),
          reply ->
              PlanReading.plan(
                  reply, requirement, analysis.complexity(), executorBudget, "Claude Code"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OrchestratorException("planning with Claude Code was interrupted", e);
    } finally {
      deleteTree(scratch);
    }
  }

  // One step: ask, read, and ask again with what was wrong until a reply is usable.
  private <T> T converse(
      Path scratch, String step, String prompt, Function<String, PlanReading.Reading<T>> read)
      throws InterruptedException {
    String request = prompt;
    List<String> problems = List.of();
    for (int round = 0; round <= MAX_REPAIRS; round++) {
      String reply = ask(scratch, step.replace(' ', '-') + "-" + round, request);
      PlanReading.Reading<T> reading = read.apply(reply);
      if (reading.value() != null) {
        return reading.value();
      }
      problems = reading.problems();
      log.warn("claude's {} cannot be used: {}", step, problems);
      request =
          prompt
              + "\n\nYour previous reply:\n<<<\n"
              + reply.strip()
              + "\n>>>\n\n"
              + PlanningPrompts.repair(problems);
    }
    throw new InvalidPlanException(
        SOURCE
            + ", "
            + step
            + ", still wrong after "
            + MAX_REPAIRS
            + " repair rounds; plan"
            + " offline with --planner heuristic, or write a plan and run it with run --plan",
        problems);
  }

  private String ask(Path scratch, String name, String prompt) throws InterruptedException {
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
              PlanningPrompts.SYSTEM,
              scratch,
              files,
              (message, fraction) -> log.info("planning: {}", message));
    } catch (ProcessFailure e) {
      // claude crashed or reported an error: a failed run (exit 1), not bad usage.
      throw new OrchestratorException(
          "planning with Claude Code failed: "
              + e.getMessage()
              + "; or plan offline with --planner heuristic",
          e);
    }
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
