package dev.orchestrator.plan;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * One unit of work of a plan.
 *
 * @param priority 1 (highest) to 5
 * @param files paths or glob patterns ({@code src/api/**}) the task owns; tasks whose files overlap
 *     never run at the same time unless one depends on the other. Empty when undeclared.
 */
public record Task(
    String id,
    String name,
    String description,
    int priority,
    Effort estimatedEffort,
    Duration estimatedDuration,
    List<String> acceptanceCriteria,
    List<String> files) {

  public static final int HIGHEST_PRIORITY = 1;
  public static final int LOWEST_PRIORITY = 5;

  public Task {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    requireNonNull(estimatedEffort, "estimatedEffort");
    requireNonNull(estimatedDuration, "estimatedDuration");
    acceptanceCriteria = List.copyOf(acceptanceCriteria);
    files = List.copyOf(files);
  }
}
