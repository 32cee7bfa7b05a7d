package dev.orchestrator.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.AtomicFile;
import dev.orchestrator.Json;
import dev.orchestrator.RunLayout;
import dev.orchestrator.output.SummaryJson;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What in an earlier run's directory must not be replaced without {@code --force}: a finished run,
 * a run that cost money, and a plan file edited by hand after the orchestrator wrote it (told by
 * the SHA-256 of the plan as written, kept in the run state).
 */
final class EarlierWork {

  /** The SHA-256 of {@code execution_plan.json} as the orchestrator last wrote it. */
  static final String PLAN_HASH = "plan.sha256";

  /** What {@link #atStake} says of a run that finished. */
  static final String FINISHED = "a finished run";

  private EarlierWork() {}

  /** Records the hash of the plan file just written, to tell a later hand edit. */
  static void planWritten(Path dir) {
    Map<String, String> hash = FileHashes.of(dir, List.of(PlanJson.FILE_NAME));
    Path file = RunLayout.state(dir).resolve(PLAN_HASH);
    try {
      AtomicFile.write(file, hash.get(PlanJson.FILE_NAME) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * What an earlier run in {@code dir} holds that writing {@code plan} there would replace, for the
   * refusal message; empty when nothing is at stake.
   */
  static List<String> atStake(Path dir, Plan plan) {
    List<String> stake = new ArrayList<>();
    List<JsonNode> records = JournalRecords.peek(dir);
    if (records.stream()
        .anyMatch(
            r ->
                r.path("type").asText().equals("run_finished")
                    && !r.path("interrupted").asBoolean())) {
      stake.add(FINISHED);
    }
    BigDecimal cost = cost(dir, records);
    if (cost.signum() > 0) {
      stake.add("work that cost $" + cost.stripTrailingZeros().toPlainString());
    }
    if (planEdited(dir, plan)) {
      stake.add("an " + PlanJson.FILE_NAME + " edited after it was written");
    }
    return stake;
  }

  // The larger of what the journal's attempts and the summary (which may count a planner) record.
  private static BigDecimal cost(Path dir, List<JsonNode> records) {
    BigDecimal journal = BigDecimal.ZERO;
    for (JsonNode r : records) {
      if (r.path("type").asText().equals("attempt_ended")) {
        journal = journal.add(costOf(List.of(r)));
      } else if (r.path("type").asText().equals("task_completed")) {
        journal = journal.add(costOf(r.path("attempts").findParents("cost_usd")));
      }
    }
    BigDecimal summary = BigDecimal.ZERO;
    Path file = dir.resolve(SummaryJson.FILE_NAME);
    if (Files.isRegularFile(file)) {
      try {
        summary = costOf(List.of(Json.mapper().readTree(file.toFile())));
      } catch (IOException e) {
        // an unreadable summary says nothing; the journal's figure stands
      }
    }
    return journal.max(summary);
  }

  private static BigDecimal costOf(List<JsonNode> nodes) {
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode node : nodes) {
      JsonNode cost = node.path("cost_usd");
      if (cost.isNumber()) {
        sum = sum.add(cost.decimalValue());
      }
    }
    return sum;
  }

  // Edited: the file differs from the hash recorded when it was written, and writing the new plan
  // would change it (running a hand-edited plan in its own directory loses nothing).
  private static boolean planEdited(Path dir, Plan plan) {
    Path file = dir.resolve(PlanJson.FILE_NAME);
    Path hashFile = RunLayout.state(dir).resolve(PLAN_HASH);
    if (!Files.isRegularFile(file) || !Files.isRegularFile(hashFile)) {
      return false;
    }
    try {
      String written = Files.readString(hashFile, StandardCharsets.UTF_8).strip();
      if (FileHashes.of(dir, List.of(PlanJson.FILE_NAME)).get(PlanJson.FILE_NAME).equals(written)) {
        return false;
      }
      return !sameTasks(PlanJson.parse(Files.readString(file), file.toString()), plan);
    } catch (IOException | RuntimeException e) {
      return true; // an edit that broke the file is still the user's edit
    }
  }

  private static boolean sameTasks(Plan onDisk, Plan plan) {
    return plan != null && onDisk.withExecutorBudget(plan.executorBudget()).equals(plan);
  }
}
