package dev.orchestrator.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestRetryTest {

  final RequestRetry retry = new RequestRetry(3, Duration.ofSeconds(1), Duration.ofSeconds(10));

  @ParameterizedTest(name = "retry {0} waits {1} ms without jitter")
  @CsvSource({"1, 1000", "2, 2000", "3, 4000", "4, 8000", "5, 10000", "40, 10000"})
  void doubles_the_backoff_up_to_the_maximum(int retryNumber, long millis) {
    assertThat(retry.delayBefore(retryNumber, null, 0.0)).isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void jitter_shortens_the_backoff_by_at_most_a_quarter() {
    assertThat(retry.delayBefore(2, null, 0.999))
        .isBetween(Duration.ofMillis(1500), Duration.ofMillis(2000));
  }

  @Test
  void honours_retry_after_up_to_the_maximum_and_without_jitter() {
    assertThat(retry.delayBefore(1, Duration.ofSeconds(7), 0.9)).isEqualTo(Duration.ofSeconds(7));
    assertThat(retry.delayBefore(1, Duration.ofMinutes(5), 0.9)).isEqualTo(Duration.ofSeconds(10));
    assertThat(retry.delayBefore(1, Duration.ZERO, 0.9)).isEqualTo(Duration.ZERO);
  }

  @Test
  void allows_as_many_attempts_as_one_plus_the_retries() {
    assertThat(retry.allowsAnotherAfter(3)).isTrue();
    assertThat(retry.allowsAnotherAfter(4)).isFalse();
  }

  @Test
  void rejects_a_negative_number_of_retries_naming_the_option() {
    assertThatThrownBy(() -> new RequestRetry(-1, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("--request-retries");
  }
}
