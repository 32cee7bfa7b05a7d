package dev.orchestrator.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackedBundlesTest {

  @TempDir Path directory;

  private Path root() {
    return directory.resolve("bundles");
  }

  private byte[] zipOf(String file, String content) throws Exception {
    Path source = Files.createTempDirectory(directory, "source-");
    Files.writeString(source.resolve(file), content);
    return Bundles.zip(source, List.of(file));
  }

  @Test
  void a_bundle_is_unpacked_into_a_directory_named_by_its_hash() throws Exception {
    byte[] zip = zipOf("app.py", "print('hi')\n");
    String hash = Bundles.sha256(zip);

    List<Path> files =
        new UnpackedBundles(root()).files(new Bundle("task_1", zip, hash, zip.length), null);

    assertThat(files).containsExactly(root().resolve(hash).resolve("app.py"));
    assertThat(files.get(0)).hasContent("print('hi')");
  }

  @Test
  void a_bundle_whose_bytes_do_not_match_its_hash_is_not_unpacked() throws Exception {
    byte[] zip = zipOf("app.py", "print('hi')\n");
    String otherHash = Bundles.sha256(zipOf("app.py", "print('bye')\n"));
    Bundle damaged = new Bundle("task_1", zip, otherHash, zip.length);

    assertThatThrownBy(() -> new UnpackedBundles(root()).files(damaged, null))
        .hasMessage("the files of task_1 arrived damaged");
    assertThat(root()).doesNotExist();
  }

  @Test
  void a_hash_that_is_a_path_out_of_the_directory_unpacks_nothing_there() throws Exception {
    byte[] zip = zipOf("app.py", "print('hi')\n");
    String hash = Bundles.sha256(zip);
    Bundle hostile = new Bundle("task_1", zip, "../" + hash, zip.length);

    assertThatThrownBy(() -> new UnpackedBundles(root()).files(hostile, null))
        .hasMessage("the files of task_1 arrived damaged");
    assertThat(directory.resolve(hash)).doesNotExist();
  }
}
