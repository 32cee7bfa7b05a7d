package dev.orchestrator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceSeedTest {

  @TempDir Path temp;

  Path raw(String executorAndTask, String path, String content) throws Exception {
    Path file = temp.resolve("out").resolve(executorAndTask).resolve(path);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  @Test
  void copies_dependency_files_under_their_paths_in_the_raw_directory() throws Exception {
    Path model = raw("executor_2/task_1", "src/models/todo.py", "class Todo: pass\n");
    TaskWorkspace workspace = new TaskWorkspace(temp.resolve("ws"));

    WorkspaceSeed seed = WorkspaceSeed.plant(workspace, Map.of("task_1", List.of(model)));

    assertThat(workspace.read("src/models/todo.py")).isEqualTo("class Todo: pass\n");
    assertThat(seed.filesByTask())
        .containsExactly(Map.entry("task_1", List.of("src/models/todo.py")));
  }

  @Test
  void the_nearest_dependency_wins_a_shared_path_and_only_its_copy_is_listed() throws Exception {
    Map<String, List<Path>> outputs = new LinkedHashMap<>();
    outputs.put("task_1", List.of(raw("executor_1/task_1", "README.md", "one\n")));
    outputs.put("task_2", List.of(raw("executor_2/task_2", "README.md", "two\n")));
    TaskWorkspace workspace = new TaskWorkspace(temp.resolve("ws"));

    WorkspaceSeed seed = WorkspaceSeed.plant(workspace, outputs);

    assertThat(workspace.read("README.md")).isEqualTo("two\n");
    assertThat(seed.filesByTask())
        .containsExactly(Map.entry("task_1", List.of()), Map.entry("task_2", List.of("README.md")));
  }

  @Test
  void agent_logs_of_a_dependency_are_not_copied() throws Exception {
    Path log = raw("executor_1/task_1", ".agent/stdout.log", "{}\n");
    TaskWorkspace workspace = new TaskWorkspace(temp.resolve("ws"));

    WorkspaceSeed.plant(workspace, Map.of("task_1", List.of(log)));

    assertThat(workspace.files()).isEmpty();
  }

  @Test
  void unchanged_copies_and_the_directories_they_leave_empty_are_removed_changed_ones_stay()
      throws Exception {
    Path kept = raw("executor_1/task_1", "src/models/todo.py", "v1\n");
    Path dropped = raw("executor_1/task_1", "db/schema.sql", "create table t();\n");
    TaskWorkspace workspace = new TaskWorkspace(temp.resolve("ws"));
    WorkspaceSeed seed = WorkspaceSeed.plant(workspace, Map.of("task_1", List.of(kept, dropped)));
    workspace.write("src/models/todo.py", "v2\n");
    workspace.write("src/api.py", "new\n");

    int removed = seed.removeUnchanged();

    assertThat(removed).isEqualTo(1);
    assertThat(workspace.files()).containsExactly("src/api.py", "src/models/todo.py");
    assertThat(workspace.root().resolve("db")).doesNotExist();
  }

  @Test
  void a_dependency_directory_the_agent_replaced_with_a_link_out_is_not_followed_by_the_clean_up()
      throws Exception {
    Path init = raw("executor_1/task_1", "src/pkg/__init__.py", "");
    TaskWorkspace workspace = new TaskWorkspace(temp.resolve("ws"));
    WorkspaceSeed seed = WorkspaceSeed.plant(workspace, Map.of("task_1", List.of(init)));
    Path outside = Files.createDirectories(temp.resolve("outside/pkg"));
    Path usersFile = Files.writeString(outside.resolve("__init__.py"), "");
    Path planted = workspace.root().resolve("src/pkg");
    Files.delete(planted.resolve("__init__.py"));
    Files.delete(planted);
    Files.createSymbolicLink(planted, outside);

    int removed = seed.removeUnchanged();

    assertThat(removed).isZero();
    assertThat(usersFile).exists();
    assertThat(outside).exists();
  }
}
