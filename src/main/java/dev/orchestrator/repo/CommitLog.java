package dev.orchestrator.repo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code git log} read as commit ids and subjects. */
final class CommitLog {

  private CommitLog() {}

  /**
   * The commits of {@code revisions}, newest first.
   *
   * @param options log options such as {@code --no-merges}
   * @param paths only commits that changed one of these, when any
   */
  static List<CommitSummary> read(
      GitRepository repository, List<String> options, List<String> revisions, List<String> paths) {
    List<String> args = new ArrayList<>(List.of("log", "--format=%H%x00%s%x00"));
    args.addAll(options);
    args.addAll(revisions);
    args.add("--");
    args.addAll(paths);
    List<CommitSummary> commits = new ArrayList<>();
    // Each commit is "id NUL subject NUL", with a newline before the next one's id.
    String[] fields = repository.run(args).text().split("\0", -1);
    for (int i = 0; i + 1 < fields.length; i += 2) {
      commits.add(new CommitSummary(fields[i].strip(), fields[i + 1]));
    }
    return List.copyOf(commits);
  }

  /** The newest commit of {@code revisions} that changed {@code path}, merges left out. */
  static Optional<CommitSummary> last(
      GitRepository repository, List<String> revisions, String path) {
    List<CommitSummary> commits =
        read(repository, List.of("--no-merges", "-1"), revisions, List.of(path));
    return commits.isEmpty() ? Optional.empty() : Optional.of(commits.get(0));
  }
}
