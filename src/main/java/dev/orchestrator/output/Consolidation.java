package dev.orchestrator.output;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Consolidator#consolidate} built from the raw outputs of the completed tasks.
 *
 * @param files every copied file, sorted by target path
 * @param conflicts paths several versions competed for, in consolidation order
 * @param taskReadmes task id to the text of the task's top-level README, in consolidation order
 * @param skipped listed files that were not copied, with the reason
 */
public record Consolidation(
    List<Placement> files,
    List<Conflict> conflicts,
    Map<String, String> taskReadmes,
    List<SkippedFile> skipped) {

  public Consolidation {
    files = List.copyOf(files);
    conflicts = List.copyOf(conflicts);
    taskReadmes = Collections.unmodifiableMap(new LinkedHashMap<>(taskReadmes));
    skipped = List.copyOf(skipped);
  }

  /** Where the files of one task went, sorted by target path. */
  public List<Placement> filesOf(String taskId) {
    return files.stream().filter(p -> p.taskId().equals(taskId)).toList();
  }
}
