package dev.orchestrator.temporal;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One answer of the workflow to a worker asking for a task's dependency files: a slice of them,
 * small whatever the plan or the files ({@link DependencyPages#ANSWER_BYTES}), since a query's
 * answer may travel inside the reply to a workflow task, which gRPC caps at 4 MB for all of its
 * answers together.
 *
 * @param parts the slice, in order: a bundle's reference, with a piece of its zip if it travels
 *     inline (a large one spans pages)
 * @param nextBundle where the next page starts, -1 after the last page
 * @param nextOffset the byte of that bundle's zip where the next page starts
 */
public record DependencyPage(List<Part> parts, int nextBundle, int nextOffset) {

  public DependencyPage {
    parts = List.copyOf(parts);
  }

  /** Whether this page ends the answer. */
  boolean last() {
    return nextBundle < 0;
  }

  /**
   * A bundle, or the piece of its inline zip from {@code offset} on.
   *
   * @param inline whether the bundle's zip travels in payloads (else it is in the artifact
   *     directory)
   * @param piece the zip's bytes from {@code offset}, empty for a reference
   */
  public record Part(
      String taskId, String sha256, long size, boolean inline, int offset, byte[] piece) {

    public Part {
      requireNonNull(taskId, "taskId");
      requireNonNull(sha256, "sha256");
      requireNonNull(piece, "piece");
    }
  }
}
