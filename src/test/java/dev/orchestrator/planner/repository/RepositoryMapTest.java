package dev.orchestrator.planner.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.planner.repository.SourceLayout.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryMapTest {

  @TempDir Path root;

  /** Writes the files (path, content) and returns their paths as git would list them. */
  List<String> repository(String... pathsAndContents) throws IOException {
    List<String> tracked = new ArrayList<>();
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      Path file = root.resolve(pathsAndContents[i]);
      Files.createDirectories(file.getParent());
      Files.writeString(file, pathsAndContents[i + 1]);
      tracked.add(pathsAndContents[i]);
    }
    return tracked;
  }

  @Nested
  class A_small_maven_repository {

    RepositoryMap map() throws IOException {
      return RepositoryMap.read(
          root,
          repository(
              "pom.xml", "<project><artifactId>shop</artifactId></project>",
              "README.md", "# Shop\n\nA small shop service.\n",
              "src/main/java/com/acme/shop/App.java", "package com.acme.shop;\nclass App {}\n",
              "src/main/java/com/acme/shop/api/Routes.java", "package com.acme.shop.api;\n",
              "src/test/java/com/acme/shop/AppTest.java", "package com.acme.shop;\n"));
    }

    @Test
    void is_maven_with_its_package_its_roots_and_mvn_test() throws IOException {
      SourceLayout layout = map().layout();

      assertThat(layout.kind()).isEqualTo(Kind.MAVEN);
      assertThat(layout.packages()).containsExactly("com.acme.shop");
      assertThat(layout.sourceRoot()).isEqualTo("src/main/java/com/acme/shop");
      assertThat(layout.testRoot()).isEqualTo("src/test/java/com/acme/shop");
      assertThat(layout.testCommand()).isEqualTo("mvn -B -q test");
      assertThat(layout.evidence()).contains("pom.xml");
    }

    @Test
    void lists_every_tracked_path_with_its_measured_size_and_the_build_files() throws IOException {
      RepositoryMap map = map();

      assertThat(map.tracked()).isEqualTo(5);
      assertThat(map.omitted()).isZero();
      assertThat(map.files())
          .contains(
              new TrackedFile("pom.xml", Files.size(root.resolve("pom.xml"))),
              new TrackedFile("src/main/java/com/acme/shop/App.java", 36L));
      assertThat(map.buildFiles()).containsExactly("pom.xml");
    }

    @Test
    void renders_layout_test_command_readme_and_paths_for_the_prompt() throws IOException {
      String text = map().render();

      assertThat(text)
          .contains("Layout: Maven (Java), package com.acme.shop")
          .contains("Test command: mvn -B -q test (pom.xml at the root)")
          .contains("## README.md\n-----8<-----\n# Shop\n\nA small shop service.\n-----8<-----")
          .contains("src/main/java/com/acme/shop/api/Routes.java 27\n")
          .doesNotContain(root.toString());
    }
  }

  @Test
  void a_python_src_layout_names_its_package_and_pytest_from_its_configuration()
      throws IOException {
    RepositoryMap map =
        RepositoryMap.read(
            root,
            repository(
                "pyproject.toml", "[project]\nname = \"acme-tools\"\n[tool.pytest.ini_options]\n",
                "src/acme_tools/__init__.py", "",
                "src/acme_tools/core.py", "def run(): pass\n",
                "tests/test_core.py", "def test_run(): pass\n"));

    SourceLayout layout = map.layout();
    assertThat(layout.kind()).isEqualTo(Kind.PYTHON);
    assertThat(layout.packages()).containsExactly("acme_tools");
    assertThat(layout.sourceRoot()).isEqualTo("src/acme_tools");
    assertThat(layout.testRoot()).isEqualTo("tests");
    assertThat(layout.testCommand()).isEqualTo("python -m pytest");
    assertThat(layout.evidence()).contains("src layout").contains("pyproject.toml mentions pytest");
  }

  @Test
  void a_flat_python_layout_without_pytest_configuration_is_tested_from_its_test_files()
      throws IOException {
    RepositoryMap map =
        RepositoryMap.read(
            root,
            repository(
                "setup.py", "from setuptools import setup\nsetup(name='calc')\n",
                "calc/__init__.py", "",
                "tests/__init__.py", "",
                "tests/test_calc.py", "def test_add(): pass\n"));

    assertThat(map.layout().packages()).containsExactly("calc");
    assertThat(map.layout().sourceRoot()).isEqualTo("calc");
    assertThat(map.layout().testCommand()).isEqualTo("python -m pytest");
    assertThat(map.layout().evidence()).contains("tests/test_calc.py");
  }

  @Test
  void a_node_repository_is_tested_with_npm_test_when_it_has_a_test_script() throws IOException {
    RepositoryMap map =
        RepositoryMap.read(
            root,
            repository(
                "package.json", "{\"name\": \"shop-web\", \"scripts\": {\"test\": \"jest\"}}",
                "src/index.js", "module.exports = {};\n",
                "test/index.test.js", "test('x', () => {});\n"));

    SourceLayout layout = map.layout();
    assertThat(layout.kind()).isEqualTo(Kind.NODE);
    assertThat(layout.packages()).containsExactly("shop-web");
    assertThat(layout.sourceRoot()).isEqualTo("src");
    assertThat(layout.testRoot()).isEqualTo("test");
    assertThat(layout.testCommand()).isEqualTo("npm test");
    assertThat(layout.evidence()).isEqualTo("package.json scripts.test is \"jest\"");
  }

  @Test
  void npms_placeholder_test_script_is_no_test_command() throws IOException {
    RepositoryMap map =
        RepositoryMap.read(
            root,
            repository(
                "package.json",
                "{\"scripts\": {\"test\": \"echo \\\"Error: no test specified\\\" && exit 1\"}}"));

    assertThat(map.layout().testCommand()).isNull();
    assertThat(map.render()).contains("Test command: none found (package.json has no test script)");
  }

  @Test
  void cargo_go_and_unknown_repositories_get_their_own_test_commands() throws IOException {
    Path rust = Files.createDirectories(root.resolve("rust"));
    Files.writeString(rust.resolve("Cargo.toml"), "[package]\nname = \"ferris\"\n");
    Path go = Files.createDirectories(root.resolve("go"));
    Files.writeString(go.resolve("go.mod"), "module example.com/gopher\n\ngo 1.22\n");
    Path other = Files.createDirectories(root.resolve("other"));
    Files.writeString(other.resolve("notes.txt"), "hello\n");

    assertThat(RepositoryMap.read(rust, List.of("Cargo.toml")).layout())
        .extracting(SourceLayout::kind, SourceLayout::testCommand, SourceLayout::packages)
        .containsExactly(Kind.RUST, "cargo test", List.of("ferris"));
    assertThat(RepositoryMap.read(go, List.of("go.mod")).layout())
        .extracting(SourceLayout::kind, SourceLayout::testCommand, SourceLayout::packages)
        .containsExactly(Kind.GO, "go test ./...", List.of("example.com/gopher"));
    assertThat(RepositoryMap.read(other, List.of("notes.txt")).layout())
        .extracting(SourceLayout::kind, SourceLayout::testCommand)
        .containsExactly(Kind.UNKNOWN, null);
  }

  @Test
  void agents_and_claude_notes_are_quoted_when_present() throws IOException {
    RepositoryMap map =
        RepositoryMap.read(
            root,
            repository(
                "AGENTS.md", "Run the linter before committing.\n",
                "CLAUDE.md", "Never edit generated files.\n"));

    assertThat(map.notes()).extracting(Excerpt::path).containsExactly("AGENTS.md", "CLAUDE.md");
    assertThat(map.render())
        .contains("Run the linter before committing.")
        .contains("Never edit generated files.");
  }

  @Nested
  class Bounds {

    @Test
    void ten_thousand_tracked_paths_are_capped_with_the_count_left_out_by_directory() {
      List<String> tracked = new ArrayList<>(List.of("pom.xml", "src/main/java/App.java"));
      IntStream.range(0, 9_998)
          .mapToObj(i -> "assets/images/deep/icon-" + i + ".png")
          .forEach(tracked::add);

      RepositoryMap map = RepositoryMap.read(root, tracked);

      assertThat(map.tracked()).isEqualTo(10_000);
      assertThat(map.files()).hasSize(RepositoryMap.MAX_FILES);
      assertThat(map.omitted()).isEqualTo(8_000);
      assertThat(map.leftOut()).isEqualTo(Map.of("assets", 8_000));
      assertThat(map.files())
          .extracting(TrackedFile::path)
          .contains("pom.xml", "src/main/java/App.java");
      String text = map.render();
      assertThat(text.length()).isLessThanOrEqualTo(RepositoryMap.MAX_RENDERED);
      assertThat(text)
          .contains("Tracked files: 10000, 2000 listed below, 8000 left out (assets/: 8000)")
          .containsPattern("… \\d+ more listed paths not shown \\(size limit\\)\n$");
    }

    @Test
    void a_fifty_megabyte_readme_is_read_only_to_its_cap() throws IOException {
      Path readme = root.resolve("README.md");
      byte[] line = "All work and no play makes a README long.\n".getBytes(StandardCharsets.UTF_8);
      ByteBuffer megabyte = ByteBuffer.allocate(1 << 20);
      while (megabyte.remaining() >= line.length) {
        megabyte.put(line);
      }
      try (FileChannel out =
          FileChannel.open(readme, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        for (int i = 0; i < 50; i++) {
          out.write(megabyte.flip().position(0));
        }
      }
      assertThat(Files.size(readme)).isGreaterThanOrEqualTo(50L * 1_000_000);

      RepositoryMap map = RepositoryMap.read(root, List.of("README.md"));

      assertThat(map.readme().cut()).isTrue();
      assertThat(map.readme().text().lines()).hasSize(RepositoryMap.README_LINES);
      assertThat(map.render().length()).isLessThan(8 * 1024);
    }

    @Test
    void every_cap_at_once_keeps_the_rendered_map_within_its_limit() throws IOException {
      Files.writeString(root.resolve("README.md"), "r".repeat(100_000));
      Files.writeString(root.resolve("AGENTS.md"), "a\n".repeat(100_000));
      Files.writeString(root.resolve("CLAUDE.md"), "c".repeat(100_000));
      List<String> tracked = new ArrayList<>(List.of("README.md", "AGENTS.md", "CLAUDE.md"));
      IntStream.range(0, 10_000)
          .mapToObj(i -> "src/" + "d".repeat(200) + i + ".py")
          .forEach(tracked::add);

      RepositoryMap map = RepositoryMap.read(root, tracked);

      assertThat(map.notes())
          .allSatisfy(
              note ->
                  assertThat(note.text().length()).isLessThanOrEqualTo(RepositoryMap.NOTES_BYTES));
      String text = map.render();
      assertThat(text.length()).isLessThanOrEqualTo(RepositoryMap.MAX_RENDERED);
      assertThat(text).contains("## Tracked files (path, size in bytes)\nAGENTS.md ");
    }

    @Test
    void one_long_line_of_readme_is_cut_at_its_byte_cap() throws IOException {
      Files.writeString(root.resolve("README.md"), "x".repeat(1_000_000));

      RepositoryMap map = RepositoryMap.read(root, List.of("README.md"));

      assertThat(map.readme().text()).hasSize(RepositoryMap.README_BYTES);
      assertThat(map.readme().cut()).isTrue();
    }

    @Test
    void a_readme_that_links_out_of_the_repository_is_not_read(@TempDir Path outside)
        throws IOException {
      Path secret = Files.writeString(outside.resolve("secret.txt"), "the user's private notes");
      Files.createSymbolicLink(root.resolve("README.md"), secret);

      RepositoryMap map = RepositoryMap.read(root, List.of("README.md"));

      assertThat(map.readme().read()).isFalse();
      assertThat(map.readme().refusal()).contains("leads out of the repository");
      assertThat(map.render()).doesNotContain("private notes");
      assertThat(map.files()).containsExactly(new TrackedFile("README.md", null));
    }

    @Test
    void a_readme_that_links_into_git_is_not_read() throws IOException {
      Files.createDirectories(root.resolve(".git"));
      Files.writeString(root.resolve(".git/config"), "[remote] url = https://token@host/x\n");
      Files.createSymbolicLink(root.resolve("README.md"), Path.of(".git/config"));

      RepositoryMap map = RepositoryMap.read(root, List.of("README.md"));

      assertThat(map.readme().refusal()).isEqualTo("a link into .git; not read");
      assertThat(map.render()).doesNotContain("token");
    }

    @Test
    void files_below_a_directory_that_links_out_are_listed_without_a_size(@TempDir Path outside)
        throws IOException {
      Files.writeString(outside.resolve("big.bin"), "x".repeat(1000));
      Files.createSymbolicLink(root.resolve("vendor-link"), outside);

      assertThat(RepositoryMap.read(root, List.of("vendor-link/big.bin")).files())
          .containsExactly(new TrackedFile("vendor-link/big.bin", null));
    }

    @Test
    void a_readme_that_links_inside_the_repository_is_read() throws IOException {
      Files.createDirectories(root.resolve("docs"));
      Files.writeString(root.resolve("docs/intro.md"), "# Intro\n");
      Files.createSymbolicLink(root.resolve("README.md"), Path.of("docs/intro.md"));

      assertThat(RepositoryMap.read(root, List.of("README.md", "docs/intro.md")).readme().text())
          .isEqualTo("# Intro\n");
    }

    @Test
    void a_binary_readme_is_named_but_not_quoted() throws IOException {
      Files.write(root.resolve("README.md"), new byte[] {'P', 'K', 3, 4, 0, 0, 0x1b, '['});

      RepositoryMap map = RepositoryMap.read(root, List.of("README.md"));

      assertThat(map.readme().refusal()).contains("binary");
      assertThat(map.render()).contains("## README.md: binary, not text; not shown");
    }

    @Test
    void control_characters_of_a_readme_are_dropped() throws IOException {
      Files.writeString(root.resolve("README.md"), "# Title\u001b[31m red\r\nnext\u0007\n");

      assertThat(RepositoryMap.read(root, List.of("README.md")).readme().text())
          .isEqualTo("# Title[31m red\nnext\n");
    }

    @Test
    void paths_outside_the_tree_or_under_git_are_skipped_and_counted() throws IOException {
      Files.createDirectories(root.resolve(".git/hooks"));
      Files.writeString(root.resolve(".git/hooks/pre-commit"), "#!/bin/sh\n");

      RepositoryMap map =
          RepositoryMap.read(
              root,
              List.of(
                  "../outside.txt", "/etc/passwd", ".git/hooks/pre-commit", "a/.GIT/x", "ok.txt"));

      assertThat(map.files()).extracting(TrackedFile::path).containsExactly("ok.txt");
      assertThat(map.unusable()).isEqualTo(4);
      assertThat(map.render()).contains("4 paths outside the tree or under .git skipped");
    }
  }
}
