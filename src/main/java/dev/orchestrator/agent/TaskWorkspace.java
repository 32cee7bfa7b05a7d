package dev.orchestrator.agent;

import dev.orchestrator.FileScan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The directory one task attempt writes into. Every write of every agent goes through it, and it
 * keeps them inside its root: absolute paths, {@code ..}, paths through symbolic links that leave
 * the root, and files over the size cap are refused with a message that can be shown to a model.
 */
public final class TaskWorkspace {

  /** Default largest file an agent may write: 1 MiB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 1L << 20;

  /** Largest total an agent may leave in one workspace: 64 MiB. */
  public static final long MAX_TASK_BYTES = 64L << 20;

  /**
   * Most files an agent may leave in one workspace: each is hashed, journalled, copied into every
   * dependent's workspace and consolidated, so 200,000 of them took minutes and gigabytes.
   */
  public static final int MAX_TASK_FILES = 10_000;

  private final Path root;
  private final long maxFileBytes;
  private final AtomicLong written = new AtomicLong();
  private volatile Path realRoot;

  public TaskWorkspace(Path root, long maxFileBytes) {
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes must be positive, was " + maxFileBytes);
    }
    this.root = root.toAbsolutePath().normalize();
    this.maxFileBytes = maxFileBytes;
  }

  public TaskWorkspace(Path root) {
    this(root, DEFAULT_MAX_FILE_BYTES);
  }

  public Path root() {
    return root;
  }

  /**
   * Writes a text file (UTF-8), creating directories and replacing an earlier version.
   *
   * @param relativePath a path below the root, with {@code /} separators
   * @return the absolute path written
   * @throws WorkspaceViolation if the path or size is refused
   */
  public Path write(String relativePath, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > maxFileBytes) {
      throw new WorkspaceViolation(
          relativePath
              + " is "
              + bytes.length
              + " bytes, over the limit of "
              + maxFileBytes
              + " bytes per file; split it into smaller files");
    }
    if (written.addAndGet(bytes.length) > MAX_TASK_BYTES) {
      throw new WorkspaceViolation(
          "this task has written over "
              + MAX_TASK_BYTES
              + " bytes in all; write less, or split the task");
    }
    Path target = resolve(relativePath);
    try {
      makeDirectories(target.getParent(), relativePath);
      if (Files.isSymbolicLink(target)) {
        throw new WorkspaceViolation(relativePath + " is a symbolic link; write a regular file");
      }
      Files.write(target, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
    return target;
  }

  /**
   * Reads a text file of the workspace.
   *
   * @throws WorkspaceViolation if the path is refused or the file does not exist
   */
  public String read(String relativePath) {
    Path target = resolve(relativePath);
    if (!Files.isRegularFile(target)) {
      throw new WorkspaceViolation(relativePath + " does not exist in the workspace");
    }
    try {
      requireInside(target.toRealPath(), relativePath);
      return Files.readString(target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + target, e);
    }
  }

  /**
   * Applies the size caps to what an agent wrote on its own (a command-line agent writes files
   * directly, not through {@link #write}): every file over the per-file cap is removed, and a
   * workspace still over {@value #MAX_TASK_BYTES} bytes or {@value #MAX_TASK_FILES} files in all is
   * refused. Sizes are apparent sizes: a sparse file counts as what copying it would write.
   *
   * @param exempt relative paths not counted (the agent's own logs, which are capped apart)
   * @return the files of the workspace (all of them, the exempt ones too), from the one walk the
   *     check made
   * @throws WorkspaceViolation naming the files removed, or the total
   */
  public FileScan enforceCaps(Predicate<String> exempt) {
    FileScan scan = FileScan.of(root);
    List<FileScan.Entry> kept = scan.files().stream().filter(f -> !exempt.test(f.path())).toList();
    if (kept.size() > MAX_TASK_FILES) {
      throw new WorkspaceViolation(
          "the task wrote "
              + kept.size()
              + " files, over the limit of "
              + MAX_TASK_FILES
              + " files per task; write fewer files (leave out installed dependencies and build"
              + " output), or split the task");
    }
    List<String> removed = new ArrayList<>();
    long total = 0;
    try {
      for (FileScan.Entry file : kept) {
        if (file.size() > maxFileBytes) {
          Files.delete(scan.resolve(file));
          removed.add(file.path() + " (" + file.size() + " bytes)");
        } else {
          total += file.size();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove an over-size file of " + root, e);
    }
    if (!removed.isEmpty()) {
      throw new WorkspaceViolation(
          "removed "
              + String.join(", ", removed)
              + ": over the limit of "
              + maxFileBytes
              + " bytes per file; write smaller files");
    }
    if (total > MAX_TASK_BYTES) {
      throw new WorkspaceViolation(
          "the task wrote "
              + total
              + " bytes in all, over the limit of "
              + MAX_TASK_BYTES
              + " bytes per task; write less, or split the task");
    }
    return scan;
  }

  /** The regular files of the workspace, as sorted relative paths with {@code /} separators. */
  public List<String> files() {
    return FileScan.of(root).paths();
  }

  /**
   * The absolute path a relative path names, after checking that it stays inside the root.
   *
   * @throws WorkspaceViolation for empty, absolute or escaping paths
   */
  public Path resolve(String relativePath) {
    String path = relativePath == null ? "" : relativePath.trim().replace('\\', '/');
    if (path.isEmpty() || path.endsWith("/")) {
      throw new WorkspaceViolation("\"" + relativePath + "\" is not a file path; name a file");
    }
    if (path.startsWith("/") || path.matches("^[A-Za-z]:.*") || path.startsWith("~")) {
      throw new WorkspaceViolation(
          relativePath + " is an absolute path; use a path relative to the project root");
    }
    for (String segment : path.split("/")) {
      if (segment.equals("..")) {
        throw new WorkspaceViolation(
            relativePath + " leaves the workspace through \"..\"; use a path inside the project");
      }
      if (segment.indexOf('\0') >= 0) {
        throw new WorkspaceViolation(relativePath + " contains a NUL character");
      }
    }
    Path target = root.resolve(path).normalize();
    requireInside(target, relativePath);
    return target;
  }

  /**
   * Makes the directories from the root down to {@code dir}, checking each one that exists before
   * going below it: a symbolic link on the way must not make us create directories or write outside
   * the root. One stat per level below the root, where resolving the deepest existing directory's
   * real path read every level from {@code /} down, for each file written.
   */
  private void makeDirectories(Path dir, String asked) throws IOException {
    boolean exists = Files.isDirectory(root);
    if (!exists) {
      Files.createDirectories(root);
    }
    Path current = root;
    for (Path name : root.relativize(dir)) {
      if (name.toString().isEmpty()) {
        break; // dir is the root
      }
      current = current.resolve(name);
      if (exists) {
        exists = checkExisting(current, asked);
      }
      if (!exists) {
        try {
          Files.createDirectory(current); // and so every level below it
        } catch (FileAlreadyExistsException e) {
          exists = checkExisting(current, asked); // made meanwhile: check it as any other
        }
      }
    }
  }

  // Whether the path exists; a symbolic link must lead inside the root (the kernel follows it
  // below, and every level under a real directory inside the root stays inside).
  private boolean checkExisting(Path path, String asked) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return false;
    }
    if (attributes.isSymbolicLink()) {
      requireInside(path.toRealPath(), asked);
    }
    return true;
  }

  private void requireInside(Path path, String asked) {
    if (!path.startsWith(root) && !path.startsWith(realRoot())) {
      throw new WorkspaceViolation(asked + " resolves outside the workspace; use a path inside it");
    }
  }

  // The root with symbolic links of its ancestors resolved, found once the root exists.
  private Path realRoot() {
    if (realRoot == null && Files.exists(root)) {
      try {
        realRoot = root.toRealPath();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot resolve " + root, e);
      }
    }
    return realRoot == null ? root : realRoot;
  }
}
