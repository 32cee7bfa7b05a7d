package dev.orchestrator.output.report;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.plan.TaskStatus;
import dev.orchestrator.usage.TokenUsage;
import java.time.Duration;

/**
 * One task: a row of the table and a node of the graph.
 *
 * @param executor 1-based, of the last attempt; null if it never started
 * @param duration on the timeline, first start to last end; null if it never started
 * @param files null when not measured (a simulation), like {@code lines}
 * @param usage null when no model was used
 * @param sandbox what confined its agent ({@code bwrap}, {@code none}); null when not recorded (an
 *     agent that starts no process, a task that never started)
 * @param error null when it completed
 */
public record TaskRow(
    String id,
    String name,
    TaskStatus status,
    Integer executor,
    int attempts,
    Duration duration,
    Duration estimate,
    Integer files,
    Long lines,
    TokenUsage usage,
    String sandbox,
    String error) {

  public TaskRow {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(status, "status");
    requireNonNull(estimate, "estimate");
  }
}
