package dev.orchestrator.bench;

import dev.orchestrator.plan.TaskGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A graph of the Standard Task Graph Set (Tobita and Kasahara, 2002) as a task graph: task {@code
 * k} of the file is position {@code k - 1}, its processing time in minutes is its estimated
 * duration, and the two zero-cost dummy tasks (entry and exit) are dropped.
 */
final class StgGraph {

  /** One processing-time unit of the set, read as a minute. */
  static final long UNIT_MILLIS = 60_000;

  private StgGraph() {}

  static TaskGraph read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<long[]> rows = new ArrayList<>();
    for (String line : lines) {
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] fields = trimmed.split("\\s+");
      long[] row = new long[fields.length];
      for (int i = 0; i < fields.length; i++) {
        row[i] = Long.parseLong(fields[i]);
      }
      rows.add(row);
    }
    int n = (int) rows.get(0)[0];
    if (rows.size() < n + 3) {
      throw new IllegalArgumentException(file + " declares " + n + " tasks but lists fewer");
    }
    int[][] dependencies = new int[n][];
    long[] durations = new long[n];
    for (int task = 1; task <= n; task++) {
      long[] row = rows.get(task + 1);
      if (row[0] != task) {
        throw new IllegalArgumentException(file + ": expected task " + task + ", found " + row[0]);
      }
      durations[task - 1] = row[1] * UNIT_MILLIS;
      int count = (int) row[2];
      List<Integer> deps = new ArrayList<>();
      for (int k = 0; k < count; k++) {
        int predecessor = (int) row[3 + k];
        if (predecessor != 0) {
          deps.add(predecessor - 1);
        }
      }
      dependencies[task - 1] = deps.stream().mapToInt(Integer::intValue).toArray();
    }
    return TaskGraph.ofIndices(dependencies, durations);
  }
}
