package dev.orchestrator.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Real git repositories for the tests, made with the git command line as a user would, with a home
 * directory of their own so the machine's global configuration plays no part.
 */
public final class TestRepository {

  private TestRepository() {}

  /** Skips the test when there is no git 2.38 or later on the search path. */
  public static void assumeGit() {
    boolean usable;
    try {
      new Git("git", System.getenv(), GitRepository.TIMEOUT).requireMinimumVersion(Path.of("."));
      usable = true;
    } catch (UnusableRepositoryException e) {
      usable = false;
    }
    assumeTrue(usable, "skipped: these tests need git 2.38 or later on the PATH");
  }

  /** Our environment with {@code HOME} at an empty directory and no {@code GIT_*} variable. */
  public static Map<String, String> environment(Path home) {
    Map<String, String> environment = new HashMap<>();
    System.getenv()
        .forEach(
            (name, value) -> {
              if (!name.startsWith("GIT_")) {
                environment.put(name, value);
              }
            });
    environment.put("HOME", home.toString());
    environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    return environment;
  }

  /** A new repository at {@code dir} with one commit of {@code README.md} and {@code src/a.txt}. */
  public static Path init(Path dir, Path home) {
    git(dir, home, "init", "-q", "-b", "main");
    write(dir.resolve("README.md"), "# sample\n");
    write(dir.resolve("src/a.txt"), "one\ntwo\nthree\n");
    git(dir, home, "add", "-A");
    commit(dir, home, "Initial commit");
    return dir;
  }

  /** {@code git commit -m message} as a user with a name of their own (given on the command). */
  public static void commit(Path dir, Path home, String message) {
    git(
        dir,
        home,
        "-c",
        "user.name=User",
        "-c",
        "user.email=user@example.com",
        "commit",
        "-q",
        "-m",
        message);
  }

  /**
   * Adds a worktree of {@code repo} at {@code where} on a new {@code branch} cut from {@code
   * start}.
   */
  public static Path worktree(Path repo, Path home, Path where, String branch, String start) {
    git(repo, home, "worktree", "add", "-q", "-b", branch, where.toString(), start);
    return where;
  }

  /** Runs git in {@code dir} and returns its standard output; fails the test on a non-zero exit. */
  public static String git(Path dir, Path home, String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    try {
      Files.createDirectories(dir);
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
      builder.environment().clear();
      builder.environment().putAll(environment(home));
      builder.redirectErrorStream(true);
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor()).as("%s: %s", command, output).isZero();
      return output.strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A fingerprint of the user's side of a repository: every work tree file (outside {@code .git})
   * with its path, and {@code .git/index}, {@code HEAD}, {@code config} and the branch {@code HEAD}
   * names. A run may add objects, refs under {@code orchestrator/} and worktree records; none of
   * these.
   */
  public static String usersSide(Path repo) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      List<Path> files;
      try (Stream<Path> walk = Files.walk(repo)) {
        files =
            walk.filter(Files::isRegularFile)
                .filter(f -> !repo.relativize(f).startsWith(".git"))
                .sorted()
                .toList();
      }
      for (Path file : files) {
        digest.update(repo.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
        digest.update(Files.readAllBytes(file));
      }
      String head = Files.readString(repo.resolve(".git/HEAD")).strip();
      List<String> own = new ArrayList<>(List.of(".git/index", ".git/HEAD", ".git/config"));
      if (head.startsWith("ref: ")) {
        own.add(".git/" + head.substring("ref: ".length()));
      }
      for (String file : own) {
        digest.update(Files.readAllBytes(repo.resolve(file)));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
