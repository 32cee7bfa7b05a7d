package dev.orchestrator.cli;

import dev.orchestrator.output.Verification;
import dev.orchestrator.repo.CommitSummary;
import dev.orchestrator.repo.GitRepository;
import dev.orchestrator.repo.TaskCommits;
import java.util.ArrayList;
import java.util.List;

/**
 * The console's last lines after a run on a repository: what is on its branch and how to take it.
 */
final class BranchLines {

  private BranchLines() {}

  /** The branch, its commits, what changed, and how to take it. */
  static List<String> of(
      GitRepository repository,
      String branch,
      String base,
      String head,
      Verification before,
      Verification after) {
    List<CommitSummary> commits = repository.log(base, branch);
    List<String> lines = new ArrayList<>();
    lines.add("");
    if (commits.isEmpty()) {
      lines.add("Branch " + branch + ": no commits on " + abbreviated(base) + "; nothing to take");
      return lines;
    }
    lines.add(
        "Branch "
            + branch
            + ": "
            + commits.size()
            + (commits.size() == 1 ? " commit" : " commits")
            + " on "
            + abbreviated(base));
    commits.forEach(c -> lines.add("  " + abbreviated(c.commit()) + " " + c.subject()));
    List<TaskCommits.FileChange> changes = TaskCommits.diffStat(repository, base, head);
    int insertions = 0;
    int deletions = 0;
    for (TaskCommits.FileChange change : changes) {
      lines.add(
          "  "
              + change.path()
              + (change.insertions() < 0
                  ? " (binary)"
                  : " +" + change.insertions() + " -" + change.deletions()));
      insertions += Math.max(0, change.insertions());
      deletions += Math.max(0, change.deletions());
    }
    lines.add(
        "  "
            + changes.size()
            + (changes.size() == 1 ? " file" : " files")
            + " changed, +"
            + insertions
            + " -"
            + deletions);
    if (before != null) {
      lines.add("Tests before the run: " + RepositoryTests.outcome(before));
      lines.add("Tests on the branch:  " + RepositoryTests.outcome(after));
      List<String> broken = RepositoryTests.broken(before, after);
      if (!broken.isEmpty()) {
        lines.add("  failing only on the branch: " + String.join(", ", broken));
      }
    }
    lines.add("Take it with: git -C " + repository.workTree() + " merge " + branch);
    return lines;
  }

  static String abbreviated(String commit) {
    return commit.substring(0, Math.min(12, commit.length()));
  }
}
