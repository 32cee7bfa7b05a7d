package dev.orchestrator.repo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's git work tree, read and extended without being changed: the orchestrator adds commits,
 * branches under a prefix of its own and linked worktrees elsewhere, and never writes the user's
 * branch, {@code HEAD}, index, working tree, stash, configuration or hooks. Every command runs
 * through {@link Git} (fixed identity, hooks off, no inherited {@code GIT_*} variables).
 *
 * <p>Thread-safe: it holds only immutable paths; git serialises ref updates itself.
 */
public final class GitRepository {

  // A porcelain blame's line header: the commit, the line in it, the line in the blamed file.
  private static final Pattern BLAME_LINE = Pattern.compile("([0-9a-f]{40,64}) \\d+ (\\d+)");

  /** How long one git command may take before it is ended. */
  static final Duration TIMEOUT = Duration.ofMinutes(10);

  private final Git git;
  private final Path workTree;
  private final Path gitDir;

  private GitRepository(Git git, Path workTree, Path gitDir) {
    this.git = git;
    this.workTree = workTree;
    this.gitDir = gitDir;
  }

  /**
   * Opens the work tree containing {@code dir}, with git from the search path and this process's
   * environment.
   *
   * @throws UnusableRepositoryException if {@code dir} is not in a git work tree, is a bare
   *     repository or inside a {@code .git} directory, has no commit yet, or git is missing or
   *     older than 2.38
   */
  public static GitRepository open(Path dir) {
    return open(dir, System.getenv());
  }

  /**
   * Like {@link #open(Path)} with the environment git runs in given (its {@code HOME} decides which
   * global configuration git reads; {@code GIT_*} variables are dropped).
   */
  public static GitRepository open(Path dir, Map<String, String> environment) {
    Path absolute = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute)) {
      throw new UnusableRepositoryException(
          absolute + " is not a directory; give --repo the directory of a git work tree");
    }
    Git git = new Git("git", environment, TIMEOUT);
    git.requireMinimumVersion(absolute);
    Git.Result inside = git.run(absolute, List.of("rev-parse", "--is-inside-work-tree"));
    if (!inside.ok()) {
      throw new UnusableRepositoryException(
          absolute
              + " is not in a git work tree ("
              + inside.stderr().strip()
              + "); give --repo a directory of a git repository, or make one with git init and a"
              + " first commit");
    }
    if (!inside.line().equals("true")) {
      throw new UnusableRepositoryException(
          absolute
              + " is a bare repository or inside a .git directory, not a work tree; give --repo"
              + " the directory of a checked-out repository (git worktree add makes one from a"
              + " bare repository)");
    }
    Path top = Path.of(git.run(absolute, List.of("rev-parse", "--show-toplevel")).orThrow().line());
    Git.Result common =
        git.run(absolute, List.of("rev-parse", "--path-format=absolute", "--git-common-dir"))
            .orThrow();
    GitRepository repository =
        new GitRepository(git, realPath(top), realPath(Path.of(common.line())));
    if (repository.resolveIfExists("HEAD").isEmpty()) {
      throw new UnusableRepositoryException(
          repository.workTree
              + " has no commit yet (HEAD is unborn); commit something first, e.g. git add -A &&"
              + " git commit -m 'Initial commit'");
    }
    return repository;
  }

  /** Whether {@code dir} is inside a git work tree (false when git is missing). */
  public static boolean isWorkTree(Path dir) {
    return isWorkTree(dir, System.getenv());
  }

  /** Like {@link #isWorkTree(Path)} with the environment git runs in given. */
  public static boolean isWorkTree(Path dir, Map<String, String> environment) {
    Path absolute = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute)) {
      return false;
    }
    try {
      Git.Result result =
          new Git("git", environment, TIMEOUT)
              .run(absolute, List.of("rev-parse", "--is-inside-work-tree"));
      return result.ok() && result.line().equals("true");
    } catch (UnusableRepositoryException e) {
      return false;
    }
  }

  /** The top level of the work tree: absolute, links resolved. */
  public Path workTree() {
    return workTree;
  }

  /** The common git directory (absolute, links resolved), shared by all linked worktrees. */
  public Path gitDir() {
    return gitDir;
  }

  /** The commit id of {@code HEAD}. */
  public String head() {
    return resolve("HEAD");
  }

  /** The branch checked out in the work tree; empty when {@code HEAD} is detached. */
  public Optional<String> currentBranch() {
    Git.Result result = git.run(workTree, List.of("symbolic-ref", "--quiet", "--short", "HEAD"));
    return result.ok() ? Optional.of(result.line()) : Optional.empty();
  }

  /**
   * The work tree's uncommitted changes, one human-readable line each ({@code modified: src/a.py},
   * {@code untracked: notes.txt}); ignored files are not listed. Reading them writes nothing (not
   * even the index's cached file times).
   */
  public List<String> uncommittedChanges() {
    List<String> fields =
        run(List.of("status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignored=no"))
            .fields();
    return StatusEntries.describe(fields);
  }

  /**
   * The work tree as it is now (tracked changes, staged or not, and untracked files that are not
   * ignored) as a commit whose parent is {@code HEAD}, like {@code git stash create} but with the
   * untracked files. Made in a temporary index file ({@code GIT_INDEX_FILE}), so the user's index
   * and files stay as they are; only new objects are written.
   *
   * @return the new commit, or {@code HEAD}'s when there is nothing to take
   */
  public String snapshotUncommitted() {
    return Snapshots.takeUncommitted(this);
  }

  /** The tracked files ({@code git ls-files}), relative to the work tree with {@code /}. */
  public List<String> trackedFiles() {
    return run(List.of("ls-files", "-z")).fields();
  }

  /** The files of {@code commit} ({@code git ls-tree -r}), relative with {@code /}, sorted. */
  public List<String> filesAt(String commit) {
    requireRef(commit);
    List<String> files = run(List.of("ls-tree", "-r", "-z", "--name-only", commit)).fields();
    files.sort(null);
    return files;
  }

  /**
   * The ignored files of the work tree ({@code .env}, build output), relative with {@code /}; an
   * ignored directory is one entry ending in {@code /}, not its files, so {@code node_modules/}
   * costs one line. For copying chosen ones into worktrees ({@code --worktree-include}).
   */
  public List<String> ignoredFiles() {
    return run(List.of(
            "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"))
        .fields();
  }

  /**
   * The commit a ref, branch or commit id names.
   *
   * @throws RepositoryException if it names no commit
   */
  public String resolve(String ref) {
    return resolveIfExists(ref)
        .orElseThrow(() -> new RepositoryException(ref + " names no commit in " + workTree));
  }

  /** The commit a ref names, or empty when it names none. */
  public Optional<String> resolveIfExists(String ref) {
    requireRef(ref);
    Git.Result result =
        git.run(workTree, List.of("rev-parse", "--verify", "--quiet", ref + "^{commit}"));
    return result.ok() ? Optional.of(result.line()) : Optional.empty();
  }

  /**
   * Creates {@code refs/heads/<branch>} at {@code commit}.
   *
   * @throws RepositoryException if the branch exists already or the name is not a branch name
   */
  public void createBranch(String branch, String commit) {
    String ref = branchRef(branch);
    String id = resolve(commit);
    Git.Result result =
        git.run(
            workTree,
            List.of("update-ref", "-m", "orchestrator: create", ref, id, "0".repeat(id.length())));
    if (!result.ok()) {
      throw new RepositoryException(
          "cannot create branch "
              + branch
              + (resolveIfExists(ref).isPresent() ? ": it exists already" : "")
              + " ("
              + result.stderr().strip()
              + ")");
    }
  }

  /**
   * Deletes {@code branch} if it still points at {@code expectedCommit} and no worktree has it
   * checked out.
   *
   * @throws RepositoryException if it moved, is checked out somewhere, or does not exist
   */
  public void deleteBranch(String branch, String expectedCommit) {
    String ref = branchRef(branch);
    for (Worktree worktree : worktrees().list()) {
      if (worktree.branch().filter(branch::equals).isPresent()) {
        throw new RepositoryException(
            "branch " + branch + " is checked out in " + worktree.path() + "; not deleting it");
      }
    }
    Git.Result result =
        git.run(
            workTree,
            List.of("update-ref", "-m", "orchestrator: delete", "-d", ref, expectedCommit));
    if (!result.ok()) {
      throw new RepositoryException(
          "branch "
              + branch
              + " was not deleted: it no longer points at "
              + expectedCommit
              + " or is gone ("
              + result.stderr().strip()
              + ")");
    }
  }

  /** Whether {@code commit} is {@code of} or one of its ancestors. */
  public boolean isAncestor(String commit, String of) {
    requireRef(commit);
    requireRef(of);
    Git.Result result = git.run(workTree, List.of("merge-base", "--is-ancestor", commit, of));
    if (result.status() > 1) {
      result.orThrow();
    }
    return result.ok();
  }

  /** The branches whose names start with {@code prefix} (e.g. {@code orchestrator/}), sorted. */
  public List<String> branches(String prefix) {
    List<String> branches = new ArrayList<>();
    for (String line :
        run(List.of("for-each-ref", "--format=%(refname:strip=2)", "refs/heads/"))
            .text()
            .split("\n")) {
      if (!line.isEmpty() && line.startsWith(prefix)) {
        branches.add(line);
      }
    }
    return List.copyOf(branches);
  }

  /** The last commit on {@code branch} (merges left out) that changed {@code path}, if any. */
  public Optional<CommitSummary> lastCommitTouching(String branch, String path) {
    requireRef(branch);
    return CommitLog.last(this, List.of(branch), path);
  }

  /**
   * The last commit after {@code since} up to {@code branch} (merges left out) that changed {@code
   * path}: the task commit a conflicted file collided with when {@code since} is the run's base.
   */
  public Optional<CommitSummary> lastCommitTouching(String since, String branch, String path) {
    requireRef(since);
    requireRef(branch);
    return CommitLog.last(this, List.of(since + ".." + branch), path);
  }

  /** The commits in {@code from..to}, newest first, merges included ({@code git log --oneline}). */
  public List<CommitSummary> log(String from, String to) {
    requireRef(from);
    requireRef(to);
    return CommitLog.read(this, List.of(), List.of(from + ".." + to), List.of());
  }

  /**
   * The commit that last changed each line of {@code path} in {@code to}, by line number, for the
   * lines changed since {@code from} ({@code git blame --porcelain from..to}); empty when the file
   * is not in {@code to}.
   */
  public Map<Integer, String> blame(String from, String to, String path) {
    requireRef(from);
    requireRef(to);
    Git.Result result =
        git.run(workTree, List.of("blame", "--porcelain", from + ".." + to, "--", path));
    Map<Integer, String> commits = new HashMap<>();
    if (!result.ok()) {
      return commits;
    }
    for (String line : result.text().split("\n")) {
      Matcher m = BLAME_LINE.matcher(line);
      if (m.lookingAt()) {
        commits.put(Integer.parseInt(m.group(2)), m.group(1));
      }
    }
    return commits;
  }

  /** The linked worktrees of this repository. */
  public Worktrees worktrees() {
    return new Worktrees(this);
  }

  Git git() {
    return git;
  }

  /** Runs a git command in the work tree and fails on a non-zero exit. */
  Git.Result run(List<String> args) {
    return git.run(workTree, args).orThrow();
  }

  private String branchRef(String branch) {
    requireRef(branch);
    String ref = branch.startsWith("refs/heads/") ? branch : "refs/heads/" + branch;
    if (!git.run(workTree, List.of("check-ref-format", ref)).ok()) {
      throw new RepositoryException(branch + " is not a valid branch name");
    }
    return ref;
  }

  /** A ref given where git expects one must not read as an option. */
  static void requireRef(String ref) {
    if (ref == null || ref.isBlank() || ref.startsWith("-")) {
      throw new IllegalArgumentException("not a ref: " + ref);
    }
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + path, e);
    }
  }

  /**
   * Writes the files of {@code commit} into {@code dir}, a new or empty directory of the run's own,
   * through a temporary index: the user's index, {@code HEAD} and work tree stay as they are. For
   * running the repository's tests on a commit without a worktree to clean up after.
   */
  public void export(String commit, Path dir) {
    requireRef(commit);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make " + dir + " for the files of " + commit, e);
    }
    String prefix = dir.toAbsolutePath().normalize() + "/";
    TemporaryIndex.use(
        temporary -> {
          git.run(workTree, temporary, List.of("read-tree", commit)).orThrow();
          return git.run(workTree, temporary, List.of("checkout-index", "-a", "--prefix=" + prefix))
              .orThrow();
        });
  }

  /** The content of {@code path} in {@code commit} ({@code git show commit:path}). */
  public byte[] fileAt(String commit, String path) {
    requireRef(commit);
    return run(List.of("show", commit + ":" + path)).stdout();
  }

  /** The commit {@code ref} names, with its subject. */
  public CommitSummary commit(String ref) {
    requireRef(ref);
    return CommitLog.read(this, List.of("-1"), List.of(ref), List.of()).get(0);
  }
}
