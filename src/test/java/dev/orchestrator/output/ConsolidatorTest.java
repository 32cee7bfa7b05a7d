package dev.orchestrator.output;

import static dev.orchestrator.output.RunFixture.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.output.Conflict.Resolution;
import dev.orchestrator.plan.TaskStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsolidatorTest {

  @TempDir Path out;

  private RunFixture run() {
    return new RunFixture(out);
  }

  @Nested
  @DisplayName("when tasks write different files")
  class DistinctFiles {

    @Test
    @DisplayName("sorts them into src/, tests/ and docs/")
    void sorts_into_sections() {
      RunRecord record =
          run()
              .task("task_1")
              .writes("src/todo/api.py", "def add(): pass\n")
              .writes("tests/test_api.py", "def test_add(): pass\n")
              .writes("api_test.go", "package todo\n")
              .writes("docs/api.md", "# API\n")
              .completed()
              .record();

      Consolidation consolidation = Consolidator.consolidate(record);

      assertThat(consolidation.files())
          .extracting(Placement::target)
          .containsExactly(
              "docs/api.md", "src/todo/api.py", "tests/api_test.go", "tests/test_api.py");
      assertThat(read(out.resolve("src/todo/api.py"))).isEqualTo("def add(): pass\n");
      assertThat(out.resolve("tests/api_test.go")).exists();
      assertThat(consolidation.conflicts()).isEmpty();
    }

    @Test
    @DisplayName("keeps two utils.py of different directories apart")
    void same_name_in_different_directories() {
      RunRecord record =
          run()
              .task("task_1")
              .writes("backend/utils.py", "backend = 1\n")
              .completed()
              .task("task_2")
              .writes("frontend/utils.py", "frontend = 2\n")
              .completed()
              .record();

      Consolidator.consolidate(record);

      assertThat(read(out.resolve("src/backend/utils.py"))).isEqualTo("backend = 1\n");
      assertThat(read(out.resolve("src/frontend/utils.py"))).isEqualTo("frontend = 2\n");
    }

    @Test
    @DisplayName("leaves the raw directories as they were")
    void raw_directories_untouched() throws IOException {
      RunRecord record = run().task("task_1").writes("api.py", "x = 1\n").completed().record();

      Consolidator.consolidate(record);

      assertThat(read(out.resolve("executor_1/task_1/api.py"))).isEqualTo("x = 1\n");
      try (Stream<Path> raw = Files.walk(out.resolve("executor_1"))) {
        assertThat(raw.filter(Files::isRegularFile)).hasSize(1);
      }
    }

    @Test
    @DisplayName("takes a task's top-level README for the combined README instead of copying it")
    void task_readme() {
      RunRecord record =
          run()
              .task("task_1")
              .writes("README.md", "# Todo API\nRun it with uvicorn.\n")
              .writes("docs/README.md", "# Docs\n")
              .completed()
              .record();

      Consolidation consolidation = Consolidator.consolidate(record);

      assertThat(consolidation.taskReadmes())
          .containsExactly(Map.entry("task_1", "# Todo API\nRun it with uvicorn.\n"));
      assertThat(consolidation.files())
          .extracting(Placement::target)
          .containsExactly("docs/README.md");
      assertThat(out.resolve("src/README.md")).doesNotExist();
    }

    @Test
    @DisplayName("copies nothing of tasks that did not complete")
    void only_completed_tasks() {
      RunRecord record =
          run()
              .task("task_1")
              .writes("src/half_done.py", "def f(\n")
              .failed("syntax error")
              .task("task_2")
              .dependsOn("task_1")
              .skipped("task_1 failed")
              .record();

      Consolidation consolidation = Consolidator.consolidate(record);

      assertThat(consolidation.files()).isEmpty();
      assertThat(out.resolve("src")).doesNotExist();
      assertThat(out.resolve("executor_1/task_1/src/half_done.py")).exists();
    }

    @Test
    @DisplayName("leaves out caches and installed dependencies, and says so")
    void generated_files() {
      RunRecord record =
          run()
              .task("task_1")
              .writes("app.js", "console.log(1)\n")
              .writes("node_modules/left-pad/index.js", "module.exports = 1\n")
              .completed()
              .record();

      Consolidation consolidation = Consolidator.consolidate(record);

      assertThat(consolidation.files()).extracting(Placement::target).containsExactly("src/app.js");
      assertThat(consolidation.skipped())
          .extracting(SkippedFile::path)
          .containsExactly("node_modules/left-pad/index.js");
      assertThat(out.resolve("src/node_modules")).doesNotExist();
    }
  }

  @Nested
  @DisplayName("when independent tasks write the same path")
  class IndependentTasksCollide {

    @Test
    @DisplayName("keeps both, the second with its task id before the extension, and lists it")
    void keeps_both() {
      RunRecord record =
          run()
              .task("task_1")
              .writes("src/app/main.py", "one\n")
              .completed()
              .task("task_2")
              .writes("unrelated.py", "\n")
              .completed()
              .task("task_3")
              .writes("app/main.py", "three\n")
              .completed()
              .record();

      Consolidation consolidation = Consolidator.consolidate(record);

      assertThat(read(out.resolve("src/app/main.py"))).isEqualTo("one\n");
      assertThat(read(out.resolve("src/app/main_task_3.py"))).isEqualTo("three\n");
      assertThat(consolidation.conflicts())
          .containsExactly(
              new Conflict(
                  "src/app/main.py",
                  List.of("task_1", "task_3"),
                  Resolution.KEPT_ALL,
                  List.of(
                      new Placement("task_1", "src/app/main.py", "src/app/main.py"),
                      new Placement("task_3", "app/main.py", "src/app/main_task_3.py"))));
    }

    @Test
    @DisplayName("treats names that differ only in case as the same path")
    void case_insensitive() {
      RunRecord record =
          run()
              .task("task_1")
              .writes("src/App.py", "one\n")
              .completed()
              .task("task_2")
              .writes("src/app.py", "two\n")
              .completed()
              .record();

      Consolidation consolidation = Consolidator.consolidate(record);

      assertThat(consolidation.files())
          .extracting(Placement::target)
          .containsExactly("src/App.py", "src/app_task_2.py");
      assertThat(consolidation.conflicts())
          .singleElement()
          .extracting(Conflict::resolution)
          .isEqualTo(Resolution.KEPT_ALL);
    }

    @Test
    @DisplayName("keeps both when one task writes the same path twice")
    void same_task_twice() {
      RunRecord record =
          run()
              .task("task_1")
              .writes("src/utils.py", "placed\n")
              .writes("utils.py", "bare\n")
              .completed()
              .record();

      Consolidation consolidation = Consolidator.consolidate(record);

      assertThat(read(out.resolve("src/utils.py"))).isEqualTo("placed\n");
      assertThat(read(out.resolve("src/utils_task_1.py"))).isEqualTo("bare\n");
      assertThat(consolidation.conflicts())
          .singleElement()
          .extracting(Conflict::tasks)
          .isEqualTo(List.of("task_1"));
    }

    @Test
    @DisplayName("does not give a renamed version a name another task chose")
    void renamed_name_already_written() {
      RunRecord record =
          run()
              .task("task_1")
              .writes("main.py", "one\n")
              .completed()
              .task("task_2")
              .writes("main.py", "two\n")
              .writes("main_task_2.py", "own\n")
              .completed()
              .record();

      Consolidator.consolidate(record);

      assertThat(read(out.resolve("src/main.py"))).isEqualTo("one\n");
      assertThat(read(out.resolve("src/main_task_2.py"))).isEqualTo("own\n");
      assertThat(read(out.resolve("src/main_task_2-2.py"))).isEqualTo("two\n");
    }
  }

  @Nested
  @DisplayName("when a task rewrites a path of a task it depends on")
  class DependentTaskRewrites {

    @Test
    @DisplayName("keeps the dependent's version and records the override")
    void dependent_wins() {
      RunRecord record =
          run()
              .task("task_1")
              .writes("src/config.py", "DEBUG = True\n")
              .completed()
              .task("task_2")
              .dependsOn("task_1")
              .writes("config.py", "DEBUG = False\n")
              .completed()
              .record();

      Consolidation consolidation = Consolidator.consolidate(record);

      assertThat(read(out.resolve("src/config.py"))).isEqualTo("DEBUG = False\n");
      assertThat(out.resolve("src/config_task_2.py")).doesNotExist();
      assertThat(consolidation.conflicts())
          .containsExactly(
              new Conflict(
                  "src/config.py",
                  List.of("task_1", "task_2"),
                  Resolution.DEPENDENT_WINS,
                  List.of(new Placement("task_2", "config.py", "src/config.py"))));
    }

    @Test
    @DisplayName("counts dependencies through other tasks, whatever the plan order")
    void transitive() {
      RunRecord record =
          run()
              .task("task_3")
              .dependsOn("task_2")
              .writes("src/app.py", "third\n")
              .completed()
              .task("task_1")
              .writes("src/app.py", "first\n")
              .completed()
              .task("task_2")
              .dependsOn("task_1")
              .writes("other.py", "\n")
              .completed()
              .record();

      Consolidation consolidation = Consolidator.consolidate(record);

      assertThat(read(out.resolve("src/app.py"))).isEqualTo("third\n");
      assertThat(consolidation.conflicts())
          .singleElement()
          .extracting(Conflict::resolution)
          .isEqualTo(Resolution.DEPENDENT_WINS);
    }
  }

  @Test
  @DisplayName("renames a file that would take the name of the plan or summary copy")
  void reserved_names() {
    RunRecord record =
        run().task("task_1").writes("docs/execution_plan.json", "{}\n").completed().record();

    Consolidation consolidation = Consolidator.consolidate(record);

    assertThat(consolidation.files())
        .extracting(Placement::target)
        .containsExactly("docs/execution_plan_task_1.json");
    assertThat(consolidation.conflicts())
        .singleElement()
        .extracting(Conflict::resolution)
        .isEqualTo(Resolution.RENAMED);
  }

  @Test
  @DisplayName("renames a file whose name another file needs as a directory")
  void file_and_directory_of_the_same_name() {
    RunRecord record =
        run()
            .task("task_1")
            .writes("src/app", "binary\n")
            .completed()
            .task("task_2")
            .writes("src/app/main.py", "main\n")
            .completed()
            .record();

    Consolidator.consolidate(record);

    assertThat(read(out.resolve("src/app_task_1"))).isEqualTo("binary\n");
    assertThat(read(out.resolve("src/app/main.py"))).isEqualTo("main\n");
  }

  @Nested
  @DisplayName("never writes outside the output directory")
  class Containment {

    @Test
    @DisplayName("refuses a listed path with ..")
    void dot_dot() {
      Path raw = Path.of("executor_1", "task_1");
      RunFixture.write(out.resolve("escape.py"), "outside the raw directory\n");
      RunFixture fixture = run().task("task_1").writes("ok.py", "\n").completed();
      TaskResult evil =
          new TaskResult(
              "task_1",
              fixture.plan().tasks().get(0).name(),
              TaskStatus.COMPLETED,
              List.of(
                  new Attempt(
                      1, 1, RunFixture.START, RunFixture.START, Attempt.Outcome.COMPLETED, null)),
              raw,
              List.of("../../escape.py", "../../../outside.py", "ok.py"),
              null,
              null,
              Map.of(),
              null);
      RunRecord record =
          new RunRecord(
              fixture.plan(),
              1,
              out,
              RunFixture.START,
              RunFixture.START,
              List.of(evil),
              null,
              null,
              List.of());

      Consolidation consolidation = Consolidator.consolidate(record);

      assertThat(consolidation.files()).extracting(Placement::source).containsExactly("ok.py");
      assertThat(consolidation.skipped())
          .extracting(SkippedFile::path)
          .containsExactly("../../../outside.py", "../../escape.py");
      assertThat(out.resolve("src/escape.py")).doesNotExist();
      assertThat(out.getParent().resolve("outside.py")).doesNotExist();
    }

    @Test
    @DisplayName("refuses a listed file that is a symbolic link")
    void symbolic_link(@TempDir Path elsewhere) throws IOException {
      Path secret = Files.writeString(elsewhere.resolve("secret.txt"), "secret\n");
      RunRecord record =
          run().task("task_1").writes("link.txt", "placeholder").completed().record();
      Path link = out.resolve("executor_1/task_1/link.txt");
      Files.delete(link);
      Files.createSymbolicLink(link, secret);

      Consolidation consolidation = Consolidator.consolidate(record);

      assertThat(consolidation.files()).isEmpty();
      assertThat(consolidation.skipped()).extracting(SkippedFile::path).containsExactly("link.txt");
      assertThat(out.resolve("src/link.txt")).doesNotExist();
    }

    @Test
    @DisplayName("refuses a listed file reached through a linked directory that leads outside")
    void linked_directory(@TempDir Path elsewhere) throws IOException {
      Files.writeString(elsewhere.resolve("a.py"), "secret\n");
      RunRecord record =
          run().task("task_1").writes("pkg/a.py", "placeholder").completed().record();
      Path pkg = out.resolve("executor_1/task_1/pkg");
      Files.delete(pkg.resolve("a.py"));
      Files.delete(pkg);
      Files.createSymbolicLink(pkg, elsewhere);

      Consolidation consolidation = Consolidator.consolidate(record);

      assertThat(consolidation.files()).isEmpty();
      assertThat(consolidation.skipped())
          .extracting(SkippedFile::reason)
          .containsExactly("reached through a symbolic link that leaves the raw directory");
      assertThat(out.resolve("src/pkg/a.py")).doesNotExist();
    }

    @Test
    @DisplayName("takes a listed file reached through a linked directory that stays inside")
    void linked_directory_inside() throws IOException {
      RunRecord record = run().task("task_1").writes("alias/a.py", "kept\n").completed().record();
      Path raw = out.resolve("executor_1/task_1");
      Files.move(raw.resolve("alias"), raw.resolve("real"));
      Files.createSymbolicLink(raw.resolve("alias"), raw.resolve("real"));

      Consolidation consolidation = Consolidator.consolidate(record);

      assertThat(consolidation.skipped()).isEmpty();
      assertThat(consolidation.files()).extracting(Placement::source).containsExactly("alias/a.py");
    }
  }

  @Nested
  @DisplayName("copying the run files into docs/")
  class RunFiles {

    @Test
    @DisplayName("copies the plan and the summary")
    void copies_plan_and_summary() throws IOException {
      Files.writeString(out.resolve("execution_plan.json"), "{\"plan\": 1}\n");
      Files.writeString(out.resolve("execution_summary.json"), "{\"summary\": 1}\n");

      Consolidator.copyRunFiles(out);

      assertThat(read(out.resolve("docs/execution_plan.json"))).isEqualTo("{\"plan\": 1}\n");
      assertThat(read(out.resolve("docs/execution_summary.json"))).isEqualTo("{\"summary\": 1}\n");
    }

    @Test
    @DisplayName("refuses to run before the summary is written")
    void summary_missing() throws IOException {
      Files.writeString(out.resolve("execution_plan.json"), "{}\n");

      assertThatThrownBy(() -> Consolidator.copyRunFiles(out))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("execution_summary.json")
          .hasMessageContaining("write it before");
    }
  }

  @Nested
  @DisplayName("when the agents' files declare a build")
  class BuildLayout {

    @Test
    @DisplayName("a Maven project keeps pom.xml at the root and src/main, src/test as written")
    void maven() {
      RunRecord record =
          run()
              .task("task_1")
              .writes("pom.xml", "<project/>\n")
              .writes("src/main/java/dev/calc/Calc.java", "class Calc {}\n")
              .completed()
              .task("task_2")
              .dependsOn("task_1")
              .writes("src/test/java/dev/calc/CalcTest.java", "class CalcTest {}\n")
              .writes("docs/design.md", "# Design\n")
              .completed()
              .record();

      Consolidation consolidation = Consolidator.consolidate(record);

      assertThat(consolidation.files())
          .extracting(Placement::target)
          .containsExactly(
              "docs/design.md",
              "pom.xml",
              "src/main/java/dev/calc/Calc.java",
              "src/test/java/dev/calc/CalcTest.java");
      assertThat(out.resolve("pom.xml")).exists();
      assertThat(out.resolve("tests")).doesNotExist();
    }

    @Test
    @DisplayName("a Go test stays beside its package")
    void go() {
      RunRecord record =
          run()
              .task("task_1")
              .writes("go.mod", "module calc\n")
              .writes("calc/calc.go", "package calc\n")
              .writes("calc/calc_test.go", "package calc\n")
              .completed()
              .record();

      assertThat(Consolidator.consolidate(record).files())
          .extracting(Placement::target)
          .containsExactly("calc/calc.go", "calc/calc_test.go", "go.mod");
    }

    @Test
    @DisplayName("a file kept as written never lands on an entry the run writes")
    void run_entries() {
      RunRecord record =
          run()
              .task("task_1")
              .writes("package.json", "{}\n")
              .writes(".orchestrator/journal.jsonl", "{}\n")
              .writes("orchestrator.log", "mine\n")
              .completed()
              .record();

      Consolidation consolidation = Consolidator.consolidate(record);

      assertThat(consolidation.files())
          .extracting(Placement::target)
          .containsExactly("package.json");
      assertThat(consolidation.skipped())
          .extracting(SkippedFile::path)
          .containsExactlyInAnyOrder(".orchestrator/journal.jsonl", "orchestrator.log");
      assertThat(out.resolve("orchestrator.log")).doesNotExist();
    }

    @Test
    @DisplayName("consolidating again removes the entries the earlier consolidation wrote")
    void again() throws IOException {
      Files.writeString(out.resolve("mine.txt"), "the user's\n");
      Consolidator.consolidate(
          run()
              .task("task_1")
              .writes("package.json", "{}\n")
              .writes("lib/a.js", "a\n")
              .completed()
              .record());

      Consolidator.consolidate(
          run().task("task_1").writes("pom.xml", "<project/>\n").completed().record());

      assertThat(out.resolve("lib")).doesNotExist();
      assertThat(out.resolve("package.json")).doesNotExist();
      assertThat(out.resolve("pom.xml")).exists();
      assertThat(out.resolve("mine.txt")).exists();
    }
  }
}
