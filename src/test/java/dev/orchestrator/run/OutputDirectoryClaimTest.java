package dev.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.DirectorySnapshot;
import dev.orchestrator.RunLayout;
import dev.orchestrator.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryClaimTest {

  @TempDir Path temp;
  Path home;
  DirectorySnapshot before;

  @BeforeEach
  void aHomeDirectoryWithAProject() throws Exception {
    home = Files.createDirectories(temp.resolve("home/me"));
    Files.createDirectories(home.resolve("src"));
    Files.writeString(home.resolve("src/work.py"), "mine\n");
    Files.writeString(home.resolve("README.md"), "mine\n");
    before = DirectorySnapshot.of(temp);
  }

  @Test
  void the_home_directory_is_refused_even_with_force_and_nothing_is_written() {
    assertThatThrownBy(() -> OutputDirectory.claim(home, true, home))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("your home directory")
        .hasMessageContaining("--output-dir " + home.resolve("orchestrator-output"));
    assertThat(DirectorySnapshot.of(temp)).isEqualTo(before);
  }

  @Test
  void a_directory_above_the_home_directory_or_reached_through_a_link_to_it_is_refused()
      throws Exception {
    Path link = Files.createSymbolicLink(temp.resolve("to-home"), home);
    before = DirectorySnapshot.of(temp);

    assertThatThrownBy(() -> OutputDirectory.claim(home.getParent(), true, home))
        .hasMessageContaining("your home directory");
    assertThatThrownBy(() -> OutputDirectory.claim(link, true, home))
        .hasMessageContaining("your home directory");
    assertThat(DirectorySnapshot.of(temp)).isEqualTo(before);
  }

  @Test
  void the_file_system_root_and_system_directories_are_refused() {
    assertThatThrownBy(() -> OutputDirectory.claim(Path.of("/"), true, home))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("a file system root");
    assertThatThrownBy(() -> OutputDirectory.claim(Path.of("/usr"), true, home))
        .hasMessageContaining("a system directory");
  }

  @Test
  void a_new_directory_below_the_home_directory_is_claimed() {
    Path claimed = OutputDirectory.claim(home.resolve("outputs/todo"), false, home);

    assertThat(RunLayout.state(claimed)).isDirectory();
  }

  @Test
  void a_forced_directory_holding_a_file_the_run_writes_itself_is_refused_naming_it()
      throws Exception {
    Path mine = Files.createDirectories(temp.resolve("mine/docs"));
    Files.writeString(mine.resolve("execution_plan.json"), "{}");
    Files.writeString(mine.getParent().resolve("README.md"), "mine\n");
    before = DirectorySnapshot.of(temp);

    assertThatThrownBy(() -> OutputDirectory.claim(mine.getParent(), true, home))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("holds README.md, docs/execution_plan.json, which a run writes");
    assertThat(DirectorySnapshot.of(temp)).isEqualTo(before);
  }
}
