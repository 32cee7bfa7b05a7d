package dev.orchestrator.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectLayoutTest {

  @DisplayName("a test file goes to tests/, keeping its path below its root directory")
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // Java and Kotlin
    "src/test/java/dev/todo/TodoTest.java,    tests/java/dev/todo/TodoTest.java",
    "TodoTest.java,                           tests/TodoTest.java",
    "TodoServiceTests.java,                   tests/TodoServiceTests.java",
    "TodoRepositoryIT.java,                   tests/TodoRepositoryIT.java",
    "src/test/resources/todos.json,           tests/resources/todos.json",
    "TodoTest.kt,                             tests/TodoTest.kt",
    // Python
    "test_api.py,                             tests/test_api.py",
    "api_test.py,                             tests/api_test.py",
    "src/todo/test_api.py,                    tests/todo/test_api.py",
    "tests/test_api.py,                       tests/test_api.py",
    "tests/fixtures/todos.json,               tests/fixtures/todos.json",
    "conftest.py,                             tests/conftest.py",
    // JavaScript and TypeScript
    "app.test.ts,                             tests/app.test.ts",
    "src/components/Button.test.jsx,          tests/components/Button.test.jsx",
    "web/app.spec.js,                         tests/web/app.spec.js",
    "src/components/__tests__/Button.tsx,     tests/components/__tests__/Button.tsx",
    "test/server.js,                          tests/server.js",
    // Go
    "api_test.go,                             tests/api_test.go",
    "internal/store/store_test.go,            tests/internal/store/store_test.go",
    // Rust
    "tests/integration.rs,                    tests/integration.rs",
    "src/parser_test.rs,                      tests/parser_test.rs",
    // Ruby
    "spec/models/todo_spec.rb,                tests/models/todo_spec.rb",
    "lib/todo_spec.rb,                        tests/lib/todo_spec.rb",
    // C#
    "TodoApi.Tests/TodoServiceTests.cs,       tests/TodoApi.Tests/TodoServiceTests.cs",
  })
  void places_test_files_in_tests(String written, String placed) {
    assertThat(ProjectLayout.isTest(written)).isTrue();
    assertThat(ProjectLayout.place(written)).isEqualTo(placed);
  }

  @DisplayName("other files go to src/ or docs/, keeping their path below src/ or docs/")
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "src/todo/api.py,                         src/todo/api.py",
    "api.py,                                  src/api.py",
    "src/main/java/dev/todo/Todo.java,        src/main/java/dev/todo/Todo.java",
    "frontend/index.html,                     src/frontend/index.html",
    "package.json,                            src/package.json",
    "testing.py,                              src/testing.py",
    "Latest.java,                             src/Latest.java",
    "EDIT.java,                               src/EDIT.java",
    "openapi.spec.yaml,                       src/openapi.spec.yaml",
    "api/spec/openapi.yaml,                   src/api/spec/openapi.yaml",
    "docs/x.md,                               docs/x.md",
    "docs/architecture.png,                   docs/architecture.png",
    "CHANGELOG.md,                            docs/CHANGELOG.md",
    "src/todo/README.md,                      docs/todo/README.md",
    "guide.rst,                               docs/guide.rst",
  })
  void places_other_files_in_src_or_docs(String written, String placed) {
    assertThat(ProjectLayout.isTest(written)).isFalse();
    assertThat(ProjectLayout.place(written)).isEqualTo(placed);
  }

  @Test
  void files_of_the_same_name_in_different_directories_stay_apart() {
    assertThat(ProjectLayout.place("backend/utils.py")).isEqualTo("src/backend/utils.py");
    assertThat(ProjectLayout.place("frontend/utils.py")).isEqualTo("src/frontend/utils.py");
  }

  @Test
  void only_the_top_level_readme_is_the_task_readme() {
    assertThat(ProjectLayout.isTaskReadme("README.md")).isTrue();
    assertThat(ProjectLayout.isTaskReadme("readme.md")).isTrue();
    assertThat(ProjectLayout.isTaskReadme("docs/README.md")).isFalse();
  }

  @DisplayName("caches and installed dependencies are recognised as generated")
  @ParameterizedTest
  @ValueSource(
      strings = {
        "node_modules/left-pad/index.js",
        "src/__pycache__/api.cpython-311.pyc",
        ".pytest_cache/README.md",
        ".venv/bin/python",
        ".git/HEAD",
        "src/.DS_Store"
      })
  void recognises_generated_files(String path) {
    assertThat(ProjectLayout.isGenerated(path)).isTrue();
  }

  @Test
  void project_files_are_not_generated() {
    assertThat(ProjectLayout.isGenerated("src/node.js")).isFalse();
    assertThat(ProjectLayout.isGenerated(".gitignore")).isFalse();
  }

  @Nested
  @DisplayName("a renamed version")
  class WithSuffix {

    @Test
    @DisplayName("carries the task id before the extension")
    void before_the_extension() {
      assertThat(ProjectLayout.withSuffix("src/app/main.py", "task_3"))
          .isEqualTo("src/app/main_task_3.py");
    }

    @Test
    @DisplayName("carries the task id at the end of a name without extension")
    void without_extension() {
      assertThat(ProjectLayout.withSuffix("src/Makefile", "task_3"))
          .isEqualTo("src/Makefile_task_3");
      assertThat(ProjectLayout.withSuffix("src/.env", "task_3")).isEqualTo("src/.env_task_3");
      assertThat(ProjectLayout.withSuffix("src/v1.2/run", "task_3"))
          .isEqualTo("src/v1.2/run_task_3");
    }

    @Test
    @DisplayName("replaces characters of the task id that are unsafe in file names")
    void unsafe_characters() {
      assertThat(ProjectLayout.withSuffix("src/a.py", "api/v1 task"))
          .isEqualTo("src/a_api_v1_task.py");
    }
  }

  @Nested
  @DisplayName("when the files declare a build")
  class WithABuild {

    @Test
    @DisplayName("finds the directory of every build file, the top as \"\"")
    void build_roots() {
      assertThat(
              ProjectLayout.buildRoots(
                  List.of(
                      "pom.xml",
                      "web/package.json",
                      "web/node_modules/left-pad/package.json",
                      "src/main/java/A.java")))
          .containsExactly("", "web");
    }

    @DisplayName("a build at the top keeps every path as written")
    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "src/test/java/dev/todo/TodoTest.java",
          "src/main/java/dev/todo/Todo.java",
          "internal/store/store_test.go",
          "test/app.test.js",
          "lib/app.js",
          "notes.md"
        })
    void top_build_keeps_paths(String path) {
      assertThat(ProjectLayout.place(path, Set.of(""))).isEqualTo(path);
    }

    @Test
    @DisplayName("a build in a directory keeps its own files; loose files are still sorted")
    void build_in_a_directory() {
      Set<String> roots = Set.of("backend");
      assertThat(ProjectLayout.place("backend/src/test/java/ATest.java", roots))
          .isEqualTo("backend/src/test/java/ATest.java");
      assertThat(ProjectLayout.place("scripts/test_seed.py", roots))
          .isEqualTo("tests/scripts/test_seed.py");
      assertThat(ProjectLayout.place("backend2/a.py", roots)).isEqualTo("src/backend2/a.py");
    }

    @DisplayName("a kept path on an entry the run writes is recognised")
    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          ".orchestrator/journal.jsonl",
          "executor_2/task_1/a.py",
          "orchestrator.log",
          "report.html",
          "execution_summary.json",
          "Execution_Plan.json"
        })
    void run_entries(String path) {
      assertThat(ProjectLayout.isRunEntry(path)).isTrue();
    }

    @Test
    @DisplayName("build output an agent left behind is not part of the project")
    void build_output() {
      assertThat(ProjectLayout.isGenerated("target/classes/A.class")).isTrue();
      assertThat(ProjectLayout.isGenerated("src/main/java/A.java")).isFalse();
    }
  }
}
