package dev.orchestrator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.agent.FencedFiles.File;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FencedFilesTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "```python path=src/app.py",
        "```python file=src/app.py",
        "```python filename=\"src/app.py\"",
        "```python title=\"src/app.py\"",
        "```src/app.py",
        "```python src/app.py"
      })
  void reads_the_path_from_the_info_string(String fence) {
    assertThat(FencedFiles.parse("Here:\n" + fence + "\nprint(1)\n```\n"))
        .containsExactly(new File("src/app.py", "print(1)\n"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "// file: src/app.js",
        "# file: src/app.js",
        "<!-- file: src/app.js -->",
        "/* path: src/app.js */"
      })
  void reads_the_path_from_a_first_line_comment_and_drops_it(String comment) {
    assertThat(FencedFiles.parse("```\n" + comment + "\nrun()\n```"))
        .containsExactly(new File("src/app.js", "run()\n"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"src/app.py", "**src/app.py**", "### `src/app.py`", "`src/app.py`:"})
  void reads_the_path_from_the_line_before_the_fence(String line) {
    assertThat(FencedFiles.parse("Files:\n\n" + line + "\n```python\nprint(1)\n```"))
        .containsExactly(new File("src/app.py", "print(1)\n"));
  }

  @Test
  void ignores_blocks_without_a_path_and_an_unclosed_last_block() {
    String text =
        "Run it with:\n```bash\npython app.py\n```\n\n```python path=src/a.py\na = 1\n```\n"
            + "```python path=src/b.py\nb = ";

    assertThat(FencedFiles.parse(text)).containsExactly(new File("src/a.py", "a = 1\n"));
  }

  @Test
  void keeps_inner_fences_of_a_longer_outer_fence() {
    String text = "````markdown path=README.md\n# Title\n```bash\nmake\n```\n````\n";

    assertThat(FencedFiles.parse(text))
        .containsExactly(new File("README.md", "# Title\n```bash\nmake\n```\n"));
  }

  @Test
  void returns_escaping_paths_as_written_for_the_workspace_to_refuse() {
    assertThat(FencedFiles.parse("```text path=../../etc/x\nx\n```"))
        .containsExactly(new File("../../etc/x", "x\n"));
  }
}
