package dev.orchestrator.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {

  private static final byte[] ZIP = "the zip of task_2".getBytes(StandardCharsets.UTF_8);

  @TempDir Path directory;

  @Test
  void an_inline_bundle_gives_its_bytes() {
    Bundle bundle = new Bundle("task_2", ZIP, Bundles.sha256(ZIP), ZIP.length);

    assertThat(ArtifactStore.bytesOf(bundle, null)).isEqualTo(ZIP);
  }

  @Test
  void an_inline_bundle_whose_bytes_do_not_match_its_hash_is_refused_naming_the_task() {
    byte[] damaged = "the zip of task_2, changed".getBytes(StandardCharsets.UTF_8);
    Bundle bundle = new Bundle("task_2", damaged, Bundles.sha256(ZIP), ZIP.length);

    assertThatThrownBy(() -> ArtifactStore.bytesOf(bundle, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the files of task_2 arrived damaged");
  }

  @Test
  void a_stored_bundle_gives_its_bytes() {
    ArtifactStore store = new ArtifactStore(directory);

    Bundle bundle = store.store("task_2", ZIP);

    assertThat(bundle.inline()).isFalse();
    assertThat(ArtifactStore.bytesOf(bundle, store)).isEqualTo(ZIP);
  }

  @Test
  void a_stored_bundle_changed_in_the_directory_is_refused() throws Exception {
    ArtifactStore store = new ArtifactStore(directory);
    Bundle bundle = store.store("task_2", ZIP);
    Files.writeString(directory.resolve(bundle.sha256() + ".zip"), "torn");

    assertThatThrownBy(() -> ArtifactStore.bytesOf(bundle, store))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not match its hash; it was changed or torn");
  }
}
