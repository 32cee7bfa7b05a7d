/**
 * What a planner knows of an existing repository: a bounded map of its tracked files, build files,
 * README and agent notes, and the layout and test command they show ({@link
 * dev.orchestrator.planner.repository.RepositoryMap}). It reads files of the work tree with size
 * caps, never through a link that leads out of it and never under {@code .git}; it runs nothing and
 * needs no git: the caller lists the tracked paths.
 */
package dev.orchestrator.planner.repository;
