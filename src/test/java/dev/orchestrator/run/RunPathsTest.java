package dev.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPathsTest {

  @TempDir Path run;

  @Test
  void a_path_below_a_root_that_does_not_exist_yet_is_inside() {
    Path attempts = run.resolve(".orchestrator/attempts");

    assertThat(RunPaths.inside(attempts, attempts.resolve("task_1-1")))
        .isEqualTo(attempts.resolve("task_1-1"));
  }

  @Test
  void a_link_on_the_way_out_of_the_root_is_refused() throws Exception {
    Path outside = Files.createDirectory(run.resolve("outside"));
    Path root = Files.createDirectory(run.resolve("root"));
    Files.createSymbolicLink(root.resolve("link"), outside);

    assertThatThrownBy(() -> RunPaths.inside(root, root.resolve("link/file")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("lies outside the output directory");
  }

  @Test
  void a_link_out_of_the_root_below_a_real_directory_is_refused() throws Exception {
    Path outside = Files.createDirectory(run.resolve("outside"));
    Path root = Files.createDirectories(run.resolve("root/executor_1"));
    Files.createSymbolicLink(root.resolve("task_1"), outside);

    assertThatThrownBy(() -> RunPaths.inside(root.getParent(), root.resolve("task_1/src/x.py")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("lies outside the output directory");
  }

  @Test
  void a_link_that_stays_inside_the_root_is_followed() throws Exception {
    Path root = Files.createDirectories(run.resolve("root/real"));
    Files.createSymbolicLink(root.resolveSibling("alias"), root);

    assertThat(RunPaths.inside(root.getParent(), root.resolveSibling("alias/task_1")))
        .isEqualTo(root.resolveSibling("alias/task_1"));
  }

  // Attempts of two tasks start together: one creates .orchestrator/attempts while the other
  // checks its own directory below it. The check once saw the root missing on its walk up and
  // present a moment later, compared the wrong ancestor and refused a path inside the run.
  @Test
  void a_root_created_while_a_path_below_it_is_checked_is_still_inside() throws Exception {
    for (int round = 0; round < 2_000; round++) {
      Path root = run.resolve("round-" + round).resolve("attempts");
      Files.createDirectories(root.getParent());
      var creating = CompletableFuture.runAsync(() -> createQuietly(root));
      while (!creating.isDone()) {
        assertThat(RunPaths.inside(root, root.resolve("task_2-1")))
            .isEqualTo(root.resolve("task_2-1"));
      }
      creating.join();
    }
  }

  private static void createQuietly(Path directory) {
    try {
      Files.createDirectory(directory);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
