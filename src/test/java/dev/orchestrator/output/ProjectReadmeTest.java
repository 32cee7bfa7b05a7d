package dev.orchestrator.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.usage.TokenUsage;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectReadmeTest {

  @TempDir Path out;

  private static String render(RunRecord record) {
    Consolidation consolidation = Consolidator.consolidate(record);
    return ProjectReadme.render(
        record, SummaryAggregator.aggregate(record, consolidation), consolidation);
  }

  @Nested
  @DisplayName("for a run with conflicts and a failure")
  class MixedRun {

    private String readme() {
      return render(
          new RunFixture(out)
              .task("task_1")
              .named("Backend API")
              .described("A REST API for todos.", "GET /todos lists todos", "POST /todos adds one")
              .ranOn(1, 0, 10)
              .writes("src/todo/api.py", "def list(): pass\n")
              .writes("tests/test_api.py", "def test_list(): pass\n")
              .writes("README.md", "# Todo API\n\nRun `uvicorn todo.api:app`.\n")
              .completed()
              .task("task_2")
              .named("Frontend UI")
              .ranOn(2, 0, 8)
              .writes("src/todo/api.py", "// client\n")
              .completed()
              .task("task_3")
              .named("Deployment")
              .dependsOn("task_1")
              .ranOn(1, 10, 12)
              .failed("docker build failed")
              .record());
    }

    @Test
    @DisplayName("is titled with the requirement")
    void title() {
      assertThat(readme()).startsWith("# Build a todo list app with backend API and frontend UI\n");
    }

    @Test
    @DisplayName("has a section per task with status, description, criteria and files")
    void task_sections() {
      String readme = readme();

      assertThat(readme)
          .contains("### task_1 — Backend API")
          .contains("### task_2 — Frontend UI")
          .contains("### task_3 — Deployment")
          .contains("Status: **completed** · executor 1 · 1 attempt · 10.0 s")
          .contains("A REST API for todos.")
          .contains("- GET /todos lists todos\n- POST /todos adds one")
          .contains("- `tests/test_api.py`")
          .contains("Status: **failed**")
          .contains("Error: docker build failed")
          .contains(
              "Raw output: `executor_1/task_3/` (not consolidated: only completed tasks are)");
    }

    @Test
    @DisplayName("includes a task's own README under its section, as written, in a code block")
    void task_readme() {
      assertThat(readme())
          .contains(
              "#### The task's README\n\n```markdown\n# Todo API\n\nRun `uvicorn todo.api:app`.\n```\n");
    }

    @Test
    @DisplayName("lists the conflicts and where each version went")
    void conflicts() {
      assertThat(readme())
          .contains("## Conflicts")
          .contains(
              "- `src/todo/api.py` from task_1, task_2: the tasks do not depend on each other, so"
                  + " every version was kept: `src/todo/api.py` (task_1),"
                  + " `src/todo/api_task_2.py` (task_2)");
    }

    @Test
    @DisplayName("shows the layout of the consolidated project")
    void layout() {
      assertThat(readme())
          .contains(
              "```text\nsrc/\n  todo/\n    api.py\n    api_task_2.py\ntests/\n  test_api.py\n"
                  + "docs/\n  execution_plan.json\n  execution_summary.json\n```");
    }

    @Test
    @DisplayName("gives measured figures only")
    void overview() {
      assertThat(readme())
          .contains("- Tasks: 3 (2 completed, 1 failed, 0 skipped, 0 not started)")
          .contains("- Wall time: 60.0 s, makespan 12.0 s, executor utilisation 83 %")
          .doesNotContain("Tokens")
          .doesNotContain("coverage");
    }
  }

  @Test
  @DisplayName("has no conflicts section when there were none")
  void no_conflicts() {
    String readme =
        render(new RunFixture(out).task("task_1").writes("a.py", "\n").completed().record());

    assertThat(readme).doesNotContain("## Conflicts");
  }

  @Test
  @DisplayName("names the task whose version replaced an earlier one")
  void overridden_file() {
    String readme =
        render(
            new RunFixture(out)
                .task("task_1")
                .writes("config.py", "a\n")
                .completed()
                .task("task_2")
                .dependsOn("task_1")
                .writes("config.py", "b\n")
                .completed()
                .record());

    assertThat(readme)
        .contains("- `src/config.py`: replaced by the version of task_2")
        .contains("kept the version of task_2, which depends on the others");
  }

  @Test
  @DisplayName("reports tokens and cost when a model was used")
  void usage() {
    String readme =
        render(
            new RunFixture(out)
                .task("task_1")
                .usage(new TokenUsage(12000, 3400, 0, 0, new BigDecimal("0.25")))
                .completed()
                .record());

    assertThat(readme)
        .contains("- Tokens: 12,000 input, 3,400 output, 0 cache read, 0 cache write")
        .contains("- Cost: $0.25");
  }

  @Test
  @DisplayName("shortens a long requirement for the title and quotes it whole")
  void long_requirement() {
    String requirement =
        "Build a collaborative kanban board with real-time updates, user accounts, "
            + "drag and drop and an audit log";
    String readme =
        render(new RunFixture(out).requirements(requirement).task("task_1").completed().record());

    assertThat(readme)
        .startsWith(
            "# Build a collaborative kanban board with real-time updates, user accounts, drag…\n")
        .contains("> " + requirement + "\n");
  }

  @Test
  @DisplayName("escapes HTML and Markdown in text from the plan, a model or an agent")
  void hostile_text() {
    String readme =
        render(
            new RunFixture(out)
                .requirements(
                    "Build <script>alert(1)</script> an app\n# Injected heading\n"
                        + "[click](javascript:alert(1)) ![pixel](https://tracker.example/p.png)\n"
                        + "```\n<img src=x onerror=alert(1)>")
                .task("task_1")
                .named("## Name <b>bold</b> [x](javascript:void(0))")
                .described(
                    "Line one\n- not a list\n1. not a list\n    not code\n```unclosed",
                    "<iframe src=https://evil.example>",
                    "![img](https://tracker.example/c.png)")
                .ranOn(1, 0, 10)
                .writes("src/a`b.py", "x = 1\n")
                .writes("README.md", "# Mine\n\n```\nnever closed\n<script>x</script>\n")
                .completed()
                .task("task_2")
                .named("Other")
                .ranOn(2, 0, 5)
                .failed("boom <img src=x onerror=alert(2)>\n## not a heading")
                .record());

    // Outside code blocks: no tag, link, image or heading of theirs, and every block is closed.
    StringBuilder outside = new StringBuilder();
    List<String> headings = new ArrayList<>();
    String fence = null;
    for (String line : readme.lines().toList()) {
      if (fence == null && line.startsWith("```")) {
        fence = line.replaceAll("[^`].*", "");
      } else if (fence != null && line.strip().equals(fence)) {
        fence = null;
      } else if (fence == null) {
        outside.append(line).append('\n');
        if (line.startsWith("#")) {
          headings.add(line.replaceAll(" .*", ""));
        }
      }
    }
    assertThat(fence).as("an unclosed code block").isNull();
    assertThat(headings).containsExactly("#", "##", "##", "##", "###", "####", "###", "##");
    assertThat(readme).endsWith(readme.substring(readme.indexOf("\n## How this project")));
    assertThat(outside.toString())
        .doesNotContain("<script", "<img", "<iframe", "<b>", "[click](", "[x](", "![")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "\\[click\\](javascript:alert(1))")
        .contains("\\- not a list\n1\\. not a list\nnot code\n\\`\\`\\`unclosed")
        .contains("### task_1 — \\#\\# Name &lt;b&gt;bold&lt;/b&gt;")
        .contains("- ``src/a`b.py``", "\\#\\# not a heading");
  }
}
