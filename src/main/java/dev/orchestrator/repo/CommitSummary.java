package dev.orchestrator.repo;

import static java.util.Objects.requireNonNull;

/** A commit and the first line of its message ({@code git log --oneline}, with the full id). */
public record CommitSummary(String commit, String subject) {

  public CommitSummary {
    requireNonNull(commit, "commit");
    requireNonNull(subject, "subject");
  }
}
