package dev.orchestrator.temporal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.AtomicFile;
import dev.orchestrator.Json;
import dev.orchestrator.RunLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which workflow runs a run directory's plan, {@code .orchestrator/temporal.json}, so that {@code
 * resume} can attach to it.
 *
 * @param ledgerQueue the task queue only this run's coordinator polls
 */
record TemporalRunRecord(String workflowId, String ledgerQueue) {

  static final String FILE = "temporal.json";

  static Optional<TemporalRunRecord> read(Path runDirectory) {
    Path file = RunLayout.state(runDirectory).resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      JsonNode node = Json.mapper().readTree(file.toFile());
      return Optional.of(
          new TemporalRunRecord(
              node.path("workflow_id").asText(), node.path("ledger_queue").asText()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Writes the record atomically. */
  void write(Path runDirectory) {
    Path file = RunLayout.state(runDirectory).resolve(FILE);
    try {
      Files.createDirectories(file.getParent());
      var node = Json.mapper().createObjectNode();
      node.put("workflow_id", workflowId);
      node.put("ledger_queue", ledgerQueue);
      AtomicFile.write(file, Json.mapper().writeValueAsString(node));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
