package dev.orchestrator.agent;

import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The files of the tasks an attempt's task depends on (task id to absolute paths, nearest
 * dependencies last), gathered on first use. Gathering them walks every transitive dependency, so
 * over a deep plan it costs time quadratic in the number of tasks; an agent that never looks (the
 * simulated one) does not pay it. Immutable once gathered, and thread-safe.
 */
public final class DependencyOutputs extends AbstractMap<String, List<Path>> {

  private final Supplier<Map<String, List<Path>>> source;
  private volatile Map<String, List<Path>> gathered;

  private DependencyOutputs(Supplier<Map<String, List<Path>>> source) {
    this.source = source;
  }

  /** Outputs gathered by {@code source} when first asked for, in its order. */
  public static Map<String, List<Path>> lazily(Supplier<Map<String, List<Path>>> source) {
    return new DependencyOutputs(source);
  }

  /**
   * An unmodifiable copy that keeps the order (where dependencies have files at the same path, the
   * nearest one wins); outputs not gathered yet stay so.
   */
  public static Map<String, List<Path>> copyOf(Map<String, List<Path>> outputs) {
    if (outputs instanceof DependencyOutputs) {
      return outputs;
    }
    return ordered(outputs);
  }

  @Override
  public Set<Entry<String, List<Path>>> entrySet() {
    Map<String, List<Path>> outputs = gathered;
    if (outputs == null) {
      synchronized (this) {
        outputs = gathered;
        if (outputs == null) {
          outputs = ordered(source.get());
          gathered = outputs;
        }
      }
    }
    return outputs.entrySet();
  }

  private static Map<String, List<Path>> ordered(Map<String, List<Path>> outputs) {
    Map<String, List<Path>> ordered = new LinkedHashMap<>();
    outputs.forEach((id, files) -> ordered.put(id, List.copyOf(files)));
    return Collections.unmodifiableMap(ordered);
  }
}
