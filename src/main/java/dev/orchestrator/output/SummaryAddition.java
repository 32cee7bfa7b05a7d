package dev.orchestrator.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Top-level fields that a caller adds to {@code execution_summary.json} each time a run writes it,
 * after the summary's own: the repository mode's {@code repository} object, which the report reads
 * back from there. Asked again for each version of the summary, so what it adds can follow the
 * verify step's result.
 */
@FunctionalInterface
public interface SummaryAddition {

  /** Adds nothing. */
  SummaryAddition NONE = summary -> Map.of();

  /**
   * The fields to add to this version of the summary, by name, in the order to write them; none may
   * have the name of a field of the summary's own.
   */
  Map<String, JsonNode> fields(Summary summary);
}
