package dev.orchestrator.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --repo} and its companions: run the tasks on a repository the user already has. */
final class RepositoryOptions {

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description =
          "Work on this git repository: each task runs in a worktree of its own, cut from HEAD's"
              + " commit with its dependencies' work merged in; its changes are committed and"
              + " merged one at a time into the branch orchestrator/<run>. Your branch, index and"
              + " files are never touched; the run's records go to .git/orchestrator/<run>/"
              + " unless -o says where.")
  Path repository;

  @Option(
      names = "--include-uncommitted",
      description =
          "With --repo: start from HEAD plus your uncommitted changes (modified and untracked"
              + " files), taken as a commit without touching your tree; without it they are"
              + " listed and left out.")
  boolean includeUncommitted;

  @Option(
      names = "--keep-branches",
      description = "With --repo: keep each task's branch after it is merged.")
  boolean keepBranches;

  @Option(
      names = "--worktree-include",
      paramLabel = "GLOB",
      description =
          "With --repo: copy your ignored files that match (e.g. '.env*') into each task's"
              + " worktree; they are never committed. Repeatable.")
  List<String> worktreeIncludes = List.of();

  @Option(
      names = "--setup-command",
      paramLabel = "CMD",
      description =
          "With --repo: a shell command run in each new worktree before its agent (e.g. 'npm"
              + " ci'); its time is in the task's details, a failure fails the attempt.")
  String setupCommand;
}
