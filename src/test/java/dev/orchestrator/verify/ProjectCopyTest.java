package dev.orchestrator.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.output.GeneratedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy of the consolidated project that a verify round tests. */
class ProjectCopyTest {

  @TempDir Path temp;

  @Test
  void the_copy_leaves_out_every_directory_a_tool_makes_as_consolidation_does() throws Exception {
    Path out = temp.resolve("out");
    List<String> generated =
        List.of(
            ".tox/py312/lib/test_dependency.py",
            ".mypy_cache/3.12/calc.data.json",
            "build/lib/calc.py",
            "src/.ruff_cache/content",
            "web/.gradle/8.0/checksums.bin",
            "node_modules/left-pad/index.js",
            "htmlcov/index.html");
    for (String path : generated) {
      assertThat(GeneratedFiles.contains(path)).as(path).isTrue();
      write(out.resolve(path));
    }
    write(out.resolve("src/calc.py"));
    write(out.resolve("tests/test_calc.py"));

    List<String> copied = ProjectCopy.copy(out, temp.resolve("copy"));

    assertThat(copied).containsExactly("src/calc.py", "tests/test_calc.py");
  }

  private static void write(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x = 1\n");
  }
}
