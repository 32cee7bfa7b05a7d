/**
 * The git layer of repository mode: a user's work tree opened without being changed ({@link
 * dev.orchestrator.repo.GitRepository}), linked worktrees per task ({@link
 * dev.orchestrator.repo.Worktrees}), a task's work committed by the orchestrator ({@link
 * dev.orchestrator.repo.TaskCommits}) and merged into one integration branch one commit at a time
 * without touching any work tree ({@link dev.orchestrator.repo.MergeQueue}). Everything runs the
 * real {@code git} (2.38 or later) through {@code Git}: an argument list, a fixed identity, hooks
 * off, none of the caller's {@code GIT_*} variables. The user's branch, {@code HEAD}, index, files,
 * stash, configuration and hooks are never written; nothing here forces, resets, cleans or deletes
 * a directory that holds work. It depends only on the root package ({@code ArchitectureTest}).
 *
 * <p>Threads: any thread may call any method; each git command is a child process the calling
 * thread waits for. {@link dev.orchestrator.repo.MergeQueue#merge} is synchronized so merges into
 * one branch happen one at a time; ref updates are compare-and-swap, so a branch moved by anyone
 * else is reported, never overwritten.
 */
package dev.orchestrator.repo;
