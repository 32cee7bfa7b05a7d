package dev.orchestrator.run;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.agent.AgentResult;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a successful attempt produced.
 *
 * @param manifest every file the attempt wrote, relative to its directory, to its SHA-256 hex;
 *     sorted by path
 */
public record AttemptOutput(AgentResult result, Map<String, String> manifest) {

  public AttemptOutput {
    requireNonNull(result, "result");
    manifest = Collections.unmodifiableSortedMap(new TreeMap<>(manifest));
  }

  /** The produced files' relative paths, sorted. */
  public List<String> files() {
    return List.copyOf(manifest.keySet());
  }
}
