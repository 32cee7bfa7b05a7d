package dev.orchestrator.bench;

import dev.orchestrator.repo.GitRepository;
import dev.orchestrator.repo.MergeQueue;
import dev.orchestrator.repo.MergeQueue.Merged;
import dev.orchestrator.repo.Worktrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The git layer of repository mode on a repository the size of a real project (issue 23,
 * "Measured"): the time to add a task's worktree and the disk it takes, the time to remove it, and
 * the merge queue's time for many task commits that do not conflict. Everything it makes lives
 * under {@code target/bench-repo} and is deleted at the end.
 *
 * <pre>
 * bench/repo.sh [FILES] [WORKTREES] [TASKS]     (defaults 20000 10 100)
 * </pre>
 */
public final class RepoBenchmark {

  private RepoBenchmark() {}

  public static void main(String[] args) throws IOException {
    int files = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int worktreeCount = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int tasks = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    Path work = Path.of("target/bench-repo").toAbsolutePath();
    delete(work);
    Path dir = Files.createDirectories(work.resolve("repo"));
    System.out.printf(Locale.ROOT, "load average at start: %s%n", load());
    try {
      long started = System.nanoTime();
      makeRepository(dir, files);
      System.out.printf(
          Locale.ROOT,
          "repository: %d tracked files, %.1f MB apparent size (du), made in %.1f s%n",
          files,
          du(dir, true) / 1024.0,
          seconds(System.nanoTime() - started));
      GitRepository repository = GitRepository.open(dir);
      String base = repository.head();
      repository.createBranch("orchestrator/bench", base);
      measureWorktrees(repository, work, worktreeCount);
      measureMerges(repository, work, base, tasks);
    } finally {
      delete(work);
    }
    System.out.printf(Locale.ROOT, "load average at end: %s%n", load());
  }

  private static void measureWorktrees(GitRepository repository, Path work, int count) {
    Worktrees worktrees = repository.worktrees();
    List<Long> adds = new ArrayList<>();
    List<Long> removals = new ArrayList<>();
    List<Path> made = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      long started = System.nanoTime();
      made.add(
          worktrees.add(
              work.resolve("run/worktrees/task_" + i),
              "orchestrator/bench-task_" + i,
              "orchestrator/bench"));
      adds.add(System.nanoTime() - started);
    }
    Path first = made.get(0);
    long disk = du(first, false);
    long apparent = du(first, true);
    long admin = du(repository.gitDir().resolve("worktrees").resolve(first.getFileName()), false);
    for (Path worktree : made) {
      long started = System.nanoTime();
      if (!worktrees.removeIfClean(worktree)) {
        throw new IllegalStateException("a fresh worktree was not clean: " + worktree);
      }
      removals.add(System.nanoTime() - started);
    }
    System.out.printf(
        Locale.ROOT,
        "worktree add (%d): median %.0f ms, min %.0f ms, max %.0f ms%n",
        count,
        millis(median(adds)),
        millis(Collections.min(adds)),
        millis(Collections.max(adds)));
    System.out.printf(
        Locale.ROOT,
        "disk per worktree: %.1f MB (du; %.1f MB apparent) + %.1f MB in .git/worktrees (its index)%n",
        disk / 1024.0,
        apparent / 1024.0,
        admin / 1024.0);
    System.out.printf(
        Locale.ROOT,
        "worktree removeIfClean (%d): median %.0f ms, min %.0f ms, max %.0f ms%n",
        count,
        millis(median(removals)),
        millis(Collections.min(removals)),
        millis(Collections.max(removals)));
  }

  private static void measureMerges(GitRepository repository, Path work, String base, int tasks)
      throws IOException {
    // Task commits made with plumbing in a scratch index: the merge queue is what is measured.
    Path index = work.resolve("scratch.index");
    git(repository.workTree(), index, "read-tree", base);
    byte[] scratch = Files.readAllBytes(index);
    List<String> commits = new ArrayList<>();
    for (int i = 1; i <= tasks; i++) {
      Files.write(index, scratch);
      Path content = work.resolve("content.txt");
      Files.writeString(content, "written by task " + i + "\n");
      String blob = git(repository.workTree(), index, "hash-object", "-w", content.toString());
      git(
          repository.workTree(),
          index,
          "update-index",
          "--add",
          "--cacheinfo",
          "100644," + blob + ",tasks/task_" + i + ".txt");
      String tree = git(repository.workTree(), index, "write-tree");
      commits.add(
          git(repository.workTree(), index, "commit-tree", tree, "-p", base, "-m", "task_" + i));
    }
    MergeQueue queue = new MergeQueue(repository, "orchestrator/bench");
    List<Long> merges = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < commits.size(); i++) {
      long one = System.nanoTime();
      if (!(queue.merge(commits.get(i), "Merge task_" + (i + 1)) instanceof Merged)) {
        throw new IllegalStateException("task_" + (i + 1) + " did not merge cleanly");
      }
      merges.add(System.nanoTime() - one);
    }
    long total = System.nanoTime() - started;
    String head = repository.resolve("orchestrator/bench");
    for (String commit : commits) {
      if (!repository.isAncestor(commit, head)) {
        throw new IllegalStateException(commit + " is not in the integration branch");
      }
    }
    System.out.printf(
        Locale.ROOT,
        "merge queue, %d non-conflicting task commits: %.1f s in all, median %.0f ms, max %.0f ms"
            + " per merge%n",
        tasks,
        seconds(total),
        millis(median(merges)),
        millis(Collections.max(merges)));
  }

  private static void makeRepository(Path dir, int files) throws IOException {
    git(dir, null, "init", "-q", "-b", "main");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < files; i++) {
      // 20 top-level packages of 10 directories each, about 100 files of about 400 bytes per
      // directory at 20,000 files.
      Path file =
          dir.resolve(
              String.format(
                  Locale.ROOT, "src/pkg%02d/mod%d/file%05d.txt", i % 20, (i / 20) % 10, i));
      text.setLength(0);
      for (int line = 0; line < 10; line++) {
        text.append("file ").append(i).append(", line ").append(line).append(": some text\n");
      }
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    }
    git(dir, null, "add", "-A");
    git(dir, null, "commit", "-q", "-m", "A large repository");
  }

  /** Runs git with a fixed identity (and a scratch index when given); its trimmed output. */
  private static String git(Path dir, Path index, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Bench"));
    command.addAll(List.of("-c", "user.email=bench@localhost", "-c", "commit.gpgSign=false"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("GIT_"));
    if (index != null) {
      builder.environment().put("GIT_INDEX_FILE", index.toString());
    }
    builder.redirectErrorStream(true);
    try {
      Process process = builder.start();
      String output =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (process.waitFor() != 0) {
        throw new IllegalStateException(command + " failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Kilobytes {@code du -sk} reports: blocks used, or the apparent size. */
  private static long du(Path path, boolean apparent) {
    List<String> command = new ArrayList<>(List.of("du", "-sk"));
    if (apparent) {
      command.add("--apparent-size");
    }
    command.add(path.toString());
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException(command + " failed: " + output);
      }
      return Long.parseLong(output.split("\\s+")[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String load() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static double median(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  private static double millis(double nanos) {
    return nanos / 1e6;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    // Only the benchmark's own scratch directory under target/.
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
