package dev.orchestrator.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskWorkspaceTest {

  @TempDir Path temp;

  @Test
  void writes_files_below_its_root_creating_directories() throws Exception {
    TaskWorkspace workspace = new TaskWorkspace(temp.resolve("ws"));

    Path written = workspace.write("src/api/routes.py", "print('hi')\n");

    assertThat(written).isEqualTo(temp.resolve("ws/src/api/routes.py"));
    assertThat(Files.readString(written)).isEqualTo("print('hi')\n");
    assertThat(workspace.files()).containsExactly("src/api/routes.py");
    assertThat(workspace.read("src/api/routes.py")).isEqualTo("print('hi')\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../etc/x", "src/../../x", "/etc/passwd", "~/x", "C:/x", ""})
  void refuses_paths_that_leave_the_workspace_and_touches_nothing(String path) throws Exception {
    TaskWorkspace workspace = new TaskWorkspace(temp.resolve("ws"));

    assertThatThrownBy(() -> workspace.write(path, "x"))
        .isInstanceOf(WorkspaceViolation.class)
        .satisfies(e -> assertThat(((AgentException) e).retryable()).isFalse());

    try (var all = Files.walk(temp)) {
      assertThat(all.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void refuses_to_write_through_a_symbolic_link_that_leaves_the_root() throws Exception {
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Path root = Files.createDirectories(temp.resolve("ws"));
    Files.createSymbolicLink(root.resolve("src"), outside);
    TaskWorkspace workspace = new TaskWorkspace(root);

    assertThatThrownBy(() -> workspace.write("src/deep/x.py", "x"))
        .isInstanceOf(WorkspaceViolation.class)
        .hasMessageContaining("outside the workspace");
    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void refuses_to_write_through_a_deeper_symbolic_link_that_leaves_the_root() throws Exception {
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Path root = Files.createDirectories(temp.resolve("ws/src/pkg"));
    Files.createSymbolicLink(root.resolve("out"), outside);
    TaskWorkspace workspace = new TaskWorkspace(temp.resolve("ws"));

    assertThatThrownBy(() -> workspace.write("src/pkg/out/deep/x.py", "x"))
        .isInstanceOf(WorkspaceViolation.class)
        .hasMessageContaining("outside the workspace");
    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void writes_through_a_symbolic_link_that_stays_inside_the_root() throws Exception {
    Path root = Files.createDirectories(temp.resolve("ws/lib"));
    Files.createSymbolicLink(root.resolve("alias"), root);
    TaskWorkspace workspace = new TaskWorkspace(temp.resolve("ws"));

    workspace.write("lib/alias/pkg/x.py", "x");

    assertThat(root.resolve("pkg/x.py")).hasContent("x");
  }

  @Test
  void refuses_files_over_the_size_cap() {
    TaskWorkspace workspace = new TaskWorkspace(temp.resolve("ws"), 10);

    assertThatThrownBy(() -> workspace.write("big.txt", "12345678901"))
        .isInstanceOf(WorkspaceViolation.class)
        .hasMessageContaining("over the limit of 10 bytes");
    assertThat(workspace.files()).isEmpty();
  }

  @Test
  void a_task_that_leaves_more_files_than_the_cap_is_refused_with_the_count() throws Exception {
    Path root = Files.createDirectories(temp.resolve("ws/src"));
    for (int i = 0; i <= TaskWorkspace.MAX_TASK_FILES; i++) {
      Files.writeString(root.resolve("f" + i + ".py"), "x");
    }
    Files.writeString(root.resolve("agent.log"), "exempt");
    TaskWorkspace workspace = new TaskWorkspace(temp.resolve("ws"));

    assertThatThrownBy(() -> workspace.enforceCaps(file -> file.endsWith("agent.log")))
        .isInstanceOf(WorkspaceViolation.class)
        .hasMessageContaining(
            (TaskWorkspace.MAX_TASK_FILES + 1)
                + " files, over the limit of "
                + TaskWorkspace.MAX_TASK_FILES);
  }

  @Test
  void a_task_at_the_file_cap_is_kept() throws Exception {
    Path root = Files.createDirectories(temp.resolve("ws"));
    for (int i = 0; i < TaskWorkspace.MAX_TASK_FILES; i++) {
      Files.writeString(root.resolve("f" + i), "x");
    }
    Files.writeString(root.resolve("agent.log"), "exempt");

    new TaskWorkspace(root).enforceCaps(file -> file.endsWith("agent.log"));

    assertThat(new TaskWorkspace(root).files()).hasSize(TaskWorkspace.MAX_TASK_FILES + 1);
  }
}
