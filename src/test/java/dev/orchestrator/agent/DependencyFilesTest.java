package dev.orchestrator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DependencyFilesTest {

  @TempDir Path temp;

  @ParameterizedTest(name = "sizes {0}, budget {1}: each file keeps at most {2}")
  @CsvSource({
    "'10,20,30', 100, 2147483647",
    "'10,20,300', 100, 70",
    "'10,200,300', 100, 45",
    "'100,200,300', 90, 30",
    "'', 10, 2147483647"
  })
  void cuts_the_largest_files_first(String sizes, int budget, int cap) {
    List<Integer> list =
        sizes.isEmpty()
            ? List.of()
            : java.util.Arrays.stream(sizes.split(",")).map(Integer::valueOf).toList();

    assertThat(DependencyFiles.cap(list, budget)).isEqualTo(cap);
  }

  Path file(String relative, String content) throws Exception {
    Path path = temp.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content);
    return path;
  }

  @Test
  void shows_small_files_whole_and_cuts_a_large_one_saying_how_to_read_it() throws Exception {
    Path small = file("executor_1/task_1/src/model.py", "class Todo: pass\n");
    Path large = file("executor_2/task_2/src/api.py", "x = 1\n".repeat(200));
    DependencyFiles files =
        DependencyFiles.of(Map.of("task_1", List.of(small), "task_2", List.of(large)));

    String text = files.render(400);

    assertThat(text)
        .contains("## task_1: src/model.py\n```\nclass Todo: pass\n```")
        .contains("## task_2: src/api.py")
        .contains("(cut: ")
        .contains("Read the whole of src/api.py with read_file");
    assertThat(files.find("src/api.py")).map(DependencyFiles.File::location).contains(large);
  }

  @Test
  void leaves_out_agent_logs() throws Exception {
    Path log = file("executor_1/task_1/.agent/stdout.log", "{}");
    Path code = file("executor_1/task_1/src/a.py", "a = 1\n");

    assertThat(DependencyFiles.of(Map.of("task_1", List.of(log, code))).files())
        .extracting(DependencyFiles.File::path)
        .containsExactly("src/a.py");
  }
}
