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
 * @param ownCopies whether every file of the manifest was checked for other names (hard links) and
 *     given a copy of its own where it had any, by the attempt's one walk of its directory; when
 *     false (an output unpacked from elsewhere), placing the output walks it to do so
 */
public record AttemptOutput(AgentResult result, Map<String, String> manifest, boolean ownCopies) {

  public AttemptOutput {
    requireNonNull(result, "result");
    manifest = Collections.unmodifiableSortedMap(new TreeMap<>(manifest));
  }

  /** An output whose files' other names were not checked. */
  public AttemptOutput(AgentResult result, Map<String, String> manifest) {
    this(result, manifest, false);
  }

  /** The produced files' relative paths, sorted. */
  public List<String> files() {
    return List.copyOf(manifest.keySet());
  }
}
