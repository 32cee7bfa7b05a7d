package dev.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One walk of a directory that serves the caps, the hard-link check and the manifest. */
class FileScanTest {

  @TempDir Path temp;

  @Test
  void lists_each_regular_file_with_its_size_and_number_of_names_sorted_by_path() throws Exception {
    Path root = Files.createDirectories(temp.resolve("attempt/src/pkg"));
    Files.writeString(root.resolve("b.py"), "abc");
    Files.writeString(temp.resolve("attempt/a.md"), "");
    Path outside = Files.writeString(temp.resolve("outside.txt"), "the user's\n");
    Files.createLink(temp.resolve("attempt/linked.txt"), outside);

    FileScan scan = FileScan.of(temp.resolve("attempt"));

    assertThat(scan.files())
        .containsExactly(
            new FileScan.Entry("a.md", 0, 1),
            new FileScan.Entry("linked.txt", 11, 2),
            new FileScan.Entry("src/pkg/b.py", 3, 1));
    assertThat(scan.resolve(scan.files().get(2))).isEqualTo(root.resolve("b.py"));
  }

  @Test
  void neither_lists_a_symbolic_link_nor_enters_a_linked_directory() throws Exception {
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "secret");
    Path root = Files.createDirectories(temp.resolve("attempt"));
    Files.createSymbolicLink(root.resolve("dir"), outside);
    Files.createSymbolicLink(root.resolve("file.txt"), outside.resolve("secret.txt"));
    Files.writeString(root.resolve("own.txt"), "own");

    assertThat(FileScan.of(root).paths()).containsExactly("own.txt");
  }

  @Test
  void a_directory_that_is_missing_or_a_link_has_no_files() throws Exception {
    Path real = Files.createDirectories(temp.resolve("real"));
    Files.writeString(real.resolve("f.txt"), "x");
    Path link = Files.createSymbolicLink(temp.resolve("link"), real);

    assertThat(FileScan.of(temp.resolve("missing")).files()).isEmpty();
    assertThat(FileScan.of(link).files()).isEmpty();
  }
}
