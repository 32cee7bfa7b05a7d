package dev.orchestrator.cli;

import dev.orchestrator.UsageException;
import dev.orchestrator.repo.GitRepository;
import dev.orchestrator.repo.Worktree;
import dev.orchestrator.run.OutputDirectory;
import dev.orchestrator.run.RunLocks;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code orchestrator clean [--repo DIR]}: removes what runs on a repository left behind, and only
 * what holds no work: worktrees without uncommitted changes, task branches merged into their run's
 * branch. Runs still going are left alone; everything kept is listed with the reason.
 */
@Command(
    name = "clean",
    mixinStandardHelpOptions = true,
    description = {
      "Remove the worktrees and task branches that runs with --repo left behind (after a crash,"
          + " or with --keep-branches).",
      "Only worktrees without uncommitted changes and task branches merged into their run's"
          + " branch are removed; each run's branch orchestrator/<run> stays (it is the result),"
          + " and a run still going is left alone. What is kept is listed with the reason."
    })
final class CleanCommand implements Callable<Integer> {

  @ParentCommand OrchestratorCommand parent;

  @Spec CommandSpec spec;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "The repository (default: the one that holds the current directory).")
  Path repository = Path.of("");

  @Override
  public Integer call() {
    GitRepository repo = GitRepository.open(repository, Settings.of(spec).environment());
    Path runs = repo.gitDir().resolve("orchestrator");
    PrintWriter out = parent.out;
    List<String> runNames = runNames(runs);
    int removed = 0;
    int kept = 0;
    for (String run : runNames) {
      Path dir = runs.resolve(run);
      List<String> lines = new ArrayList<>();
      try {
        RunLocks.whileLocked(dir, () -> lines.addAll(clean(repo, dir, run, runNames)));
      } catch (UsageException e) {
        lines.add("kept   run " + run + ": it is still running");
      }
      for (String line : lines) {
        out.println(line);
        if (line.startsWith("kept")) {
          kept++;
        } else {
          removed++;
        }
      }
    }
    repo.worktrees().prune();
    out.println(
        removed
            + " removed, "
            + kept
            + " kept"
            + (runNames.isEmpty() ? " (no runs in " + runs + ")" : ""));
    out.flush();
    return Cli.OK;
  }

  private static List<String> clean(
      GitRepository repo, Path dir, String run, List<String> runNames) {
    List<String> lines = new ArrayList<>();
    Set<String> checkedOut = new HashSet<>();
    for (Worktree worktree : repo.worktrees().list()) {
      if (!worktree.path().startsWith(dir)) {
        continue;
      }
      if (repo.worktrees().removeIfClean(worktree.path())) {
        lines.add("removed worktree " + worktree.path());
      } else {
        worktree.branch().ifPresent(checkedOut::add);
        lines.add(
            "kept   worktree "
                + worktree.path()
                + ": it has changes that are not committed (git -C "
                + worktree.path()
                + " status)");
      }
    }
    String result = "orchestrator/" + run;
    for (String branch : repo.branches("orchestrator/" + run + "-")) {
      if (!owner(branch, runNames).equals(run)) {
        continue;
      }
      Optional<String> commit = repo.resolveIfExists("refs/heads/" + branch);
      if (commit.isEmpty()) {
        continue;
      }
      if (checkedOut.contains(branch)) {
        lines.add("kept   branch " + branch + ": the kept worktree above has it checked out");
      } else if (repo.resolveIfExists("refs/heads/" + result).isPresent()
          && repo.isAncestor(commit.get(), result)) {
        repo.deleteBranch(branch, commit.get());
        lines.add("removed branch " + branch + " (merged into " + result + ")");
      } else {
        lines.add(
            "kept   branch "
                + branch
                + ": not merged into "
                + result
                + ", so its work is only there; merge or delete it yourself");
      }
    }
    return lines;
  }

  // The run whose task branch it is: the longest run name it starts with.
  private static String owner(String branch, List<String> runNames) {
    return runNames.stream()
        .filter(r -> branch.startsWith("orchestrator/" + r + "-"))
        .findFirst()
        .orElse("");
  }

  // The run directories (earlier runs, not whatever else is there), longest name first so that a
  // run's task branches are never taken for those of a run whose name is a prefix of its own.
  private static List<String> runNames(Path runs) {
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(runs)) {
      return entries
          .filter(OutputDirectory::isRun)
          .map(p -> p.getFileName().toString())
          .sorted(Comparator.comparing(String::length).reversed())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + runs, e);
    }
  }
}
