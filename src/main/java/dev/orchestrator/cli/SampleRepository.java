package dev.orchestrator.cli;

import dev.orchestrator.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The small repository {@code orchestrator demo repo} runs on: a Python package in a {@code src/}
 * layout with its own passing tests, made with git as a user would, one commit.
 */
final class SampleRepository {

  static final String REQUIREMENT = "Add rate limiting to the API";

  private static final Map<String, String> FILES =
      Map.of(
          "README.md",
          "# shop\n\nA small shop service: products, a cart and an API over them.\n",
          "pyproject.toml",
          "[project]\nname = \"shop\"\nversion = \"0.1.0\"\n\n[tool.pytest.ini_options]\n"
              + "pythonpath = [\"src\"]\n",
          "src/shop/__init__.py",
          "",
          "src/shop/catalog.py",
          "PRODUCTS = {\"apple\": 3, \"pear\": 4}\n\n\ndef price(name):\n"
              + "    return PRODUCTS[name]\n",
          "src/shop/api.py",
          "from shop.catalog import price\n\n\ndef handle(path):\n"
              + "    name = path.rsplit(\"/\", 1)[-1]\n    return 200, price(name)\n",
          "tests/test_api.py",
          "from shop.api import handle\n\n\ndef test_price_of_an_apple():\n"
              + "    assert handle(\"/price/apple\") == (200, 3)\n",
          ".gitignore",
          "__pycache__/\n.env\n");

  private SampleRepository() {}

  /**
   * Makes the repository at {@code dir}, a new or empty directory.
   *
   * @throws UsageException if {@code dir} holds anything, or git cannot make it
   */
  static Path create(Path dir, Map<String, String> environment) {
    Path root = dir.toAbsolutePath().normalize();
    try {
      if (Files.exists(root)) {
        try (var entries = Files.list(root)) {
          if (entries.findAny().isPresent()) {
            throw new UsageException(
                root + " is not empty; the sample repository needs a new directory (-o DIR)");
          }
        }
      }
      for (var file : FILES.entrySet()) {
        Path path = root.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sample repository in " + root, e);
    }
    git(root, environment, "init", "-q", "-b", "main");
    git(root, environment, "add", "-A");
    git(
        root,
        environment,
        "-c",
        "user.name=Sample",
        "-c",
        "user.email=sample@localhost",
        "-c",
        "commit.gpgsign=false",
        "commit",
        "-q",
        "-m",
        "A small shop service");
    return root;
  }

  private static void git(Path dir, Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
      builder.environment().clear();
      builder.environment().putAll(environment);
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new UsageException(
            "git " + String.join(" ", args) + " failed in " + dir + ": " + output.strip());
      }
    } catch (IOException e) {
      throw new UsageException("the repository demo needs git on the PATH: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UsageException("interrupted while making the sample repository");
    }
  }
}
