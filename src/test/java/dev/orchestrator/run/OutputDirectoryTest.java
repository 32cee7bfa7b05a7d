package dev.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {

  private static final String TODO = "Build a todo app";

  @TempDir Path base;

  @Test
  void a_first_run_of_a_requirement_writes_to_outputs_slash_its_slug() throws Exception {
    assertThat(OutputDirectory.freshDefaultFor(base, TODO))
        .isEqualTo(base.resolve("outputs/build-a-todo-app"));

    Files.createDirectories(base.resolve("outputs/build-a-todo-app"));

    assertThat(OutputDirectory.freshDefaultFor(base, TODO))
        .as("an empty directory holds nothing to replace")
        .isEqualTo(base.resolve("outputs/build-a-todo-app"));
  }

  @Test
  void a_second_run_of_the_same_requirement_gets_a_fresh_name_beside_the_first() throws Exception {
    Files.createDirectories(base.resolve("outputs/build-a-todo-app/.orchestrator"));
    assertThat(OutputDirectory.freshDefaultFor(base, TODO))
        .isEqualTo(base.resolve("outputs/build-a-todo-app-2"));

    Files.createDirectories(base.resolve("outputs/build-a-todo-app-2/src"));
    assertThat(OutputDirectory.freshDefaultFor(base, TODO))
        .isEqualTo(base.resolve("outputs/build-a-todo-app-3"));
  }
}
