package dev.orchestrator.output.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.Json;
import dev.orchestrator.output.SummaryJson;
import dev.orchestrator.plan.PlanJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a run on a repository ({@code --repo}), rendered from a run directory's files as
 * {@code orchestrator report} does: the summary's {@code repository} object, each task's details
 * and its patch {@code executor_<k>/<task>.patch}.
 */
class RepositoryReportTest {

  static final String BASE = "a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0";
  static final String HEAD = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c";
  static final String COMMIT = "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00";

  /** Markup in a patch: a script, and tags that would close the diff and open another. */
  static final String HOSTILE_PATCH =
      """
      diff --git a/src/app/core.py b/src/app/core.py
      index 1111111..2222222 100644
      --- a/src/app/core.py
      +++ b/src/app/core.py
      @@ -1,2 +1,3 @@
       def core():
      -    return 1
      +    return "<script>alert(1)</script>"
      +# </details></pre><details open><summary>x</summary> & <!--
      \\ No newline at end of file
      """;

  static final String REPOSITORY =
      """
      {"path": "/home/me/lib", "base_commit": "%s", "branch": "orchestrator/add-a-cache",
       "head_commit": "%s", "uncommitted_changes_included": false,
       "uncommitted_changes_left_out": ["modified: README.md", "untracked: <b>scratch</b>.txt"],
       "tests_before": {"status": "failed", "reason": "1 test failed", "command": "python -m pytest",
         "passed": 3, "failed": 1, "errors": 0, "skipped": 2,
         "failing": ["tests/test_a.py::test_old"]},
       "tests_after": {"status": "failed", "reason": "2 tests failed", "command": "python -m pytest",
         "passed": 2, "failed": 2, "errors": 0, "skipped": 2,
         "failing": ["tests/test_a.py::test_old", "tests/test_b.py::test_new"]}}
      """
          .formatted(BASE, HEAD);

  @TempDir Path run;

  static Map<String, String> merged(String merge, String changes) {
    return Map.of("commit", COMMIT, "merge", merge, "changes", changes);
  }

  /** The run's plan and summary, with the repository object when given. */
  void files(ReportFixture fixture, String repository) throws IOException {
    PlanJson.write(fixture.plan(), run.resolve(PlanJson.FILE_NAME));
    Path summary = run.resolve(SummaryJson.FILE_NAME);
    SummaryJson.write(fixture.summary(), summary);
    if (repository != null) {
      ObjectNode tree = (ObjectNode) Json.mapper().readTree(summary.toFile());
      tree.set("repository", Json.mapper().readTree(repository));
      Files.writeString(summary, Json.mapper().writeValueAsString(tree));
    }
  }

  void patch(int executor, String task, byte[] bytes) throws IOException {
    Path file = run.resolve("executor_" + executor).resolve(task + ".patch");
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  String page(PatchExcerpt.Reader patches) throws IOException {
    return Files.readString(RunReport.rerender(run, patches));
  }

  String page() throws IOException {
    return page(new PatchExcerpt.Reader(run));
  }

  static int count(String text, String literal) {
    return text.split(Pattern.quote(literal), -1).length - 1;
  }

  /** {@code lines} lines of 20 bytes each, newline included: {@code +line 01 ……………\n}. */
  static byte[] lines(int lines) {
    return IntStream.rangeClosed(1, lines)
        .mapToObj(i -> String.format("+line %02d ..........\n", i))
        .collect(Collectors.joining())
        .getBytes(UTF_8);
  }

  @Nested
  class TheRepository {

    @Test
    void shows_the_branch_its_base_and_head_the_tests_before_and_after_and_how_to_take_it()
        throws IOException {
      files(new ReportFixture().task("task_1").ranOn(1, 0, 2).completed(), REPOSITORY);

      String page = page();

      assertThat(page)
          .contains("<section id=\"repository\">\n<h2>Repository</h2>")
          .contains("<dt>Repository</dt><dd><code>/home/me/lib</code></dd>")
          .contains("<dt>Branch</dt><dd><code>orchestrator/add-a-cache</code></dd>")
          .contains("<dt>Base commit</dt><dd><code>a1b2c3d4e5f6</code></dd>")
          .contains("<dt>Head commit</dt><dd><code>0f1e2d3c4b5a</code></dd>")
          .contains(
              "<dt>Tests before the run</dt><dd>3 passed, 1 failed, 0 errors, 2 skipped<small>"
                  + "<code>python -m pytest</code></small><small>failing at the base:"
                  + " tests/test_a.py::test_old</small></dd>")
          .contains(
              "<dt>Tests on the branch</dt><dd>2 passed, 2 failed, 0 errors, 2 skipped<small>"
                  + "<code>python -m pytest</code></small><small class=\"broken\">failing only on"
                  + " the branch: tests/test_b.py::test_new</small>")
          .contains(
              "<p>Take it with: <code class=\"command\">git -C /home/me/lib merge"
                  + " orchestrator/add-a-cache</code></p>")
          .contains(
              "<li><code>modified: README.md</code></li>"
                  + "<li><code>untracked: &lt;b&gt;scratch&lt;/b&gt;.txt</code></li>")
          .doesNotContain("<b>");
      assertThat(page.indexOf("id=\"repository\"")).isLessThan(page.indexOf("id=\"executors\""));
    }

    @Test
    void says_not_run_for_tests_that_did_not_run() throws IOException {
      ObjectNode repository = (ObjectNode) Json.mapper().readTree(REPOSITORY);
      repository.putNull("tests_before");
      repository.putNull("tests_after");
      files(new ReportFixture().task("task_1").ranOn(1, 0, 2).completed(), repository.toString());

      assertThat(page())
          .contains(
              "<dt>Tests before the run</dt><dd><span class=\"not-measured\">not run</span></dd>")
          .contains(
              "<dt>Tests on the branch</dt><dd><span class=\"not-measured\">not run</span></dd>");
    }

    @Test
    void a_run_on_no_repository_has_neither_a_repository_nor_a_changes_section()
        throws IOException {
      files(RunReportTest.sampleRun(), null);

      assertThat(page()).doesNotContain("id=\"repository\"").doesNotContain("id=\"changes\"");
    }
  }

  @Nested
  class EachTask {

    @Test
    void shows_its_commit_merge_files_and_undeclared_files() throws IOException {
      Map<String, String> details =
          Map.of(
              "commit", COMMIT,
              "merge", "rerun",
              "changes", "src/app/core.py +2 -1, logo.png binary",
              "undeclared", "notes/<i>todo</i>.md",
              "superseded", "orchestrator/run-task_1 c0ffee00c0ff",
              "setup", "npm ci: 2.1 s, exit 0");
      files(new ReportFixture().task("task_1").details(details).ranOn(1, 0, 2).completed(), null);

      assertThat(page())
          .contains("<section id=\"changes\">")
          .contains("<article class=\"change\" data-task=\"task_1\">\n<h3>task_1 · Name of task_1")
          .contains(
              "<p>Commit <code>c0ffee00c0ff</code> · merge: <span class=\"merge rerun\">rerun"
                  + "</span></p>")
          .contains(
              "<ul class=\"files\"><li><code>src/app/core.py</code> <span class=\"ins\">+2</span>"
                  + " <span class=\"dels\">-1</span></li><li><code>logo.png</code> <span"
                  + " class=\"note\">binary</span></li></ul>")
          .contains("Changed outside its claimed files: notes/&lt;i&gt;todo&lt;/i&gt;.md")
          .contains("stays on orchestrator/run-task_1 c0ffee00c0ff")
          .contains("Set-up: npm ci: 2.1 s, exit 0")
          .doesNotContain("<i>");
    }

    @Test
    void shows_its_diff_closed_each_line_escaped_and_marked_by_what_it_is() throws IOException {
      files(
          new ReportFixture()
              .task("task_1")
              .details(merged("clean", "src/app/core.py +2 -1"))
              .ranOn(2, 0, 2)
              .completed(),
          null);
      patch(2, "task_1", HOSTILE_PATCH.getBytes(UTF_8));

      String page = page();

      assertThat(page)
          .contains(
              "<details class=\"diff\"><summary>Diff, 10 lines</summary>\n"
                  + "<pre class=\"diff\">"
                  + "<span class=\"meta\">diff --git a/src/app/core.py b/src/app/core.py</span>\n"
                  + "<span class=\"meta\">index 1111111..2222222 100644</span>\n"
                  + "<span class=\"meta\">--- a/src/app/core.py</span>\n"
                  + "<span class=\"meta\">+++ b/src/app/core.py</span>\n"
                  + "<span class=\"hunk\">@@ -1,2 +1,3 @@</span>\n"
                  + " def core():\n"
                  + "<span class=\"del\">-    return 1</span>\n"
                  + "<span class=\"add\">+    return &quot;&lt;script&gt;alert(1)&lt;/script&gt;"
                  + "&quot;</span>\n"
                  + "<span class=\"add\">+# &lt;/details&gt;&lt;/pre&gt;&lt;details open&gt;"
                  + "&lt;summary&gt;x&lt;/summary&gt; &amp; &lt;!--</span>\n"
                  + "<span class=\"meta\">\\ No newline at end of file</span>\n"
                  + "</pre>\n</details>\n")
          .doesNotContain("<script")
          .doesNotContain("<details open")
          .doesNotContain("<!--");
      assertThat(count(page, "<details")).isEqualTo(1);
      assertThat(count(page, "</details>")).isEqualTo(1);
      assertThat(count(page, "</pre>")).isEqualTo(1);
    }

    @Test
    void reads_a_patchs_bytes_as_text_replacing_what_is_not_utf8_or_html() throws IOException {
      files(
          new ReportFixture().task("task_1").details(merged("clean", "a +1 -0")).completed(), null);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      bytes.writeBytes("@@ -0,0 +1 @@\n+".getBytes(UTF_8));
      bytes.writeBytes(new byte[] {(byte) 0xff, 0x00, 0x07, (byte) 0xc3});
      bytes.writeBytes("ü\n".getBytes(UTF_8));
      patch(1, "task_1", bytes.toByteArray());

      assertThat(page()).contains("<span class=\"add\">+\uFFFD\uFFFD\uFFFD\uFFFDü</span>\n");
    }

    @Test
    void counts_the_lines_of_a_binary_file_instead_of_showing_them() throws IOException {
      files(
          new ReportFixture()
              .task("task_1")
              .details(merged("clean", "logo.png binary"))
              .completed(),
          null);
      patch(
          1,
          "task_1",
          """
          diff --git a/logo.png b/logo.png
          new file mode 100644
          index 0000000..3f3f3f3
          GIT binary patch
          literal 5
          McmZQzWMT#Y01HL{

          literal 0
          HcmV?d00001

          diff --git a/b.txt b/b.txt
          @@ -1 +1 @@
          -<x>
          +y
          """
              .getBytes(UTF_8));

      assertThat(page())
          .contains(
              "<span class=\"meta\">GIT binary patch</span>\n"
                  + "<span class=\"meta\">(6 lines of binary data, not shown)</span>\n"
                  + "<span class=\"meta\">diff --git a/b.txt b/b.txt</span>\n"
                  + "<span class=\"hunk\">@@ -1 +1 @@</span>\n"
                  + "<span class=\"del\">-&lt;x&gt;</span>\n"
                  + "<span class=\"add\">+y</span>\n</pre>")
          .doesNotContain("McmZQzWMT");
    }

    @Test
    void says_which_patch_is_missing_when_a_commit_has_none() throws IOException {
      files(
          new ReportFixture()
              .task("task_1")
              .details(merged("clean", "a +1 -0"))
              .ranOn(3, 0, 1)
              .completed(),
          null);

      assertThat(page())
          .contains("<p class=\"note\">No diff to show: executor_3/task_1.patch is missing.</p>")
          .doesNotContain("<details");
    }

    @Test
    void lists_a_task_that_changed_no_file_without_a_diff() throws IOException {
      files(
          new ReportFixture()
              .task("task_1")
              .details(Map.of("merge", "none: the task changed no file"))
              .completed(),
          null);

      assertThat(page())
          .contains("merge: <span class=\"merge\">none: the task changed no file</span>")
          .doesNotContain("<details");
    }
  }

  @Nested
  class Limits {

    @Test
    void cuts_a_long_patch_at_a_lines_end_and_says_so_where_it_shows_while_closed()
        throws IOException {
      files(
          new ReportFixture().task("task_1").details(merged("clean", "a +10 -0")).completed(),
          null);
      patch(1, "task_1", lines(10));

      String page = page(new PatchExcerpt.Reader(run, 110, 10_000));

      assertThat(page)
          .contains(
              "<summary>Diff, 5 lines <span class=\"cut\">(cut: 100 bytes of 200 bytes shown)"
                  + "</span></summary>")
          .contains("+line 05 ..........</span>\n</pre>\n")
          .contains(
              "<p class=\"cut\">Cut here: the report shows at most 110 bytes of a task&#39;s patch;"
                  + " all of it is in executor_1/task_1.patch.</p>\n</details>")
          .doesNotContain("+line 06");
    }

    @Test
    void shows_no_more_than_the_reports_limit_in_all_and_names_the_patches_left_out()
        throws IOException {
      files(
          new ReportFixture()
              .task("task_1")
              .details(merged("clean", "a +10 -0"))
              .completed()
              .task("task_2")
              .details(merged("clean", "b +10 -0"))
              .completed()
              .task("task_3")
              .details(merged("clean", "c +10 -0"))
              .completed(),
          null);
      for (String task : new String[] {"task_1", "task_2", "task_3"}) {
        patch(1, task, lines(10));
      }

      String page = page(new PatchExcerpt.Reader(run, 1_000, 250));

      assertThat(page)
          .contains("<summary>Diff, 10 lines</summary>")
          .contains("<summary>Diff, 2 lines <span class=\"cut\">(cut: 40 bytes of 200 bytes shown)")
          .contains(
              "Cut here: the report shows at most 250 bytes of patches in all; all of it is in"
                  + " executor_1/task_2.patch.")
          .contains(
              "<p class=\"cut\">Diff not shown: the report shows at most 250 bytes of patches in"
                  + " all; all of it (200 bytes) is in executor_1/task_3.patch.</p>");
      assertThat(count(page, "<details")).isEqualTo(2);
    }
  }

  @Nested
  class ChangesDetail {

    @Test
    void reads_files_with_lines_added_and_removed_and_binary_ones() {
      assertThat(TaskChange.files("src/a b.py +3 -1, logo.png binary, c, d.txt +0 -2"))
          .containsExactly(
              new TaskChange.FileChange("src/a b.py", 3, 1),
              new TaskChange.FileChange("logo.png", null, null),
              new TaskChange.FileChange("c, d.txt", 0, 2));
    }

    @Test
    void reads_nothing_from_text_of_another_form() {
      assertThat(TaskChange.files("src/a.py changed")).isEmpty();
      assertThat(TaskChange.files("")).isEmpty();
      assertThat(TaskChange.files(null)).isEmpty();
    }
  }
}
