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
  void refuses_files_over_the_size_cap() {
    TaskWorkspace workspace = new TaskWorkspace(temp.resolve("ws"), 10);

    assertThatThrownBy(() -> workspace.write("big.txt", "12345678901"))
        .isInstanceOf(WorkspaceViolation.class)
        .hasMessageContaining("over the limit of 10 bytes");
    assertThat(workspace.files()).isEmpty();
  }
}
