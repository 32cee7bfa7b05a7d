package dev.orchestrator.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.converter.GlobalDataConverter;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

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
}
