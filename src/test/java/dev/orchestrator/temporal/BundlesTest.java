package dev.orchestrator.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.agent.TaskWorkspace;
import io.temporal.common.converter.GlobalDataConverter;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundlesTest {

  @Test
  void the_payload_limit_is_the_1_500_000_zipped_bytes_users_are_told() {
    // The README and the help of --artifact-dir give this figure.
    assertThat(Bundles.PAYLOAD_LIMIT_BYTES).isEqualTo(1_500_000);
  }

  @Test
  void an_output_at_the_payload_limit_fits_one_temporal_payload() {
    byte[] zip = new byte[(int) Bundles.PAYLOAD_LIMIT_BYTES];
    new Random(7).nextBytes(zip);
    TaskDelivery delivery =
        new TaskDelivery(
            "task_1",
            new AttemptRecord(1, 1, 0, 1, "completed", null, "host:1", null, null),
            new Bundle("task_1", zip, Bundles.sha256(zip), zip.length),
            Map.of("src/app.py", Bundles.sha256(zip)),
            "wrote the app",
            null,
            Map.of());

    long payloadBytes =
        GlobalDataConverter.get().toPayload(delivery).orElseThrow().getSerializedSize();

    assertThat(payloadBytes).isLessThanOrEqualTo(RunChain.PAYLOAD_LIMIT_BYTES);
  }

  @TempDir Path temp;

  // Zeros compress about a thousandfold: a bundle of a few kilobytes unpacks into megabytes.
  private static byte[] zipOfZeros(int entries, long bytesEach) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      byte[] block = new byte[64 * 1024];
      for (int i = 0; i < entries; i++) {
        zip.putNextEntry(new ZipEntry("src/f" + i + ".bin"));
        for (long left = bytesEach; left > 0; left -= block.length) {
          zip.write(block, 0, (int) Math.min(block.length, left));
        }
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void an_entry_over_the_workers_file_cap_is_refused_before_it_is_written() throws Exception {
    byte[] bomb = zipOfZeros(1, TaskWorkspace.DEFAULT_MAX_FILE_BYTES + 1);

    assertThatThrownBy(() -> Bundles.unzip(bomb, temp.resolve("out")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("over the limit of " + TaskWorkspace.DEFAULT_MAX_FILE_BYTES);
    assertThat(temp.resolve("out/src/f0.bin")).doesNotExist();
  }

  @Test
  void a_bundle_over_the_workers_task_cap_in_all_is_refused() throws Exception {
    int entries = (int) (TaskWorkspace.MAX_TASK_BYTES / TaskWorkspace.DEFAULT_MAX_FILE_BYTES) + 1;
    byte[] bomb = zipOfZeros(entries, TaskWorkspace.DEFAULT_MAX_FILE_BYTES);

    assertThatThrownBy(() -> Bundles.unzip(bomb, temp.resolve("out")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("over the limit of " + TaskWorkspace.MAX_TASK_BYTES);
  }

  @Test
  void a_bundle_within_the_caps_unpacks() throws Exception {
    byte[] zip = zipOfZeros(3, TaskWorkspace.DEFAULT_MAX_FILE_BYTES);

    assertThat(Bundles.unzip(zip, temp.resolve("out"))).hasSize(3);
    assertThat(Files.size(temp.resolve("out/src/f2.bin")))
        .isEqualTo(TaskWorkspace.DEFAULT_MAX_FILE_BYTES);
  }
}
