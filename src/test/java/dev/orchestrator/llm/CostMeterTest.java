package dev.orchestrator.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.ConfigurationException;
import dev.orchestrator.usage.Tokens;
import java.math.BigDecimal;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class CostMeterTest {

  static final Tokens SOME = new Tokens(10, 5, 2, 1);

  @Test
  void adds_up_requests_tokens_and_cost() {
    CostMeter meter = CostMeter.unlimited();

    meter.record(SOME, new BigDecimal("0.25"));
    meter.record(SOME, new BigDecimal("0.50"));

    assertThat(meter.total())
        .isEqualTo(new CostMeter.Total(2, new Tokens(20, 10, 4, 2), new BigDecimal("0.75")));
  }

  @Test
  void an_unpriced_request_makes_the_cost_unknown() {
    CostMeter meter = CostMeter.unlimited();

    meter.record(SOME, new BigDecimal("0.25"));
    meter.record(SOME, null);

    assertThat(meter.total().costUsd()).isNull();
  }

  @Test
  void what_remains_is_the_limit_less_the_exact_cost_so_far_and_null_without_a_limit() {
    CostMeter meter = new CostMeter(new BigDecimal("1.50"));

    meter.record(SOME, new BigDecimal("0.1"));
    meter.record(SOME, new BigDecimal("0.2"));
    assertThat(meter.remaining()).isEqualByComparingTo("1.2");
    meter.record(SOME, new BigDecimal("1.2"));
    assertThat(meter.remaining()).as("reached: nothing more").isEqualByComparingTo("0");
    assertThat(CostMeter.unlimited().remaining()).isNull();
  }

  @Test
  void calls_back_once_when_the_limit_is_reached_and_at_once_for_late_listeners() {
    CostMeter meter = new CostMeter(new BigDecimal("1.00"));
    AtomicInteger calls = new AtomicInteger();
    meter.onLimitReached(calls::incrementAndGet);

    meter.record(SOME, new BigDecimal("0.60"));
    assertThat(calls).hasValue(0);
    meter.record(SOME, new BigDecimal("0.40"));
    meter.record(SOME, new BigDecimal("0.40"));
    meter.onLimitReached(calls::incrementAndGet);

    assertThat(calls).hasValue(2);
    assertThat(meter.limitReached()).isTrue();
  }

  @Test
  void counts_every_request_of_concurrent_recorders_and_calls_back_once() throws Exception {
    CostMeter meter = new CostMeter(new BigDecimal("5"));
    AtomicInteger calls = new AtomicInteger();
    meter.onLimitReached(calls::incrementAndGet);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    for (int t = 0; t < 8; t++) {
      threads.submit(
          () -> {
            start.await();
            for (int i = 0; i < 1000; i++) {
              meter.record(SOME, new BigDecimal("0.001"));
            }
            return null;
          });
    }
    start.countDown();
    threads.shutdown();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    assertThat(meter.total().requests()).isEqualTo(8000);
    assertThat(meter.total().costUsd()).isEqualByComparingTo("8.000");
    assertThat(calls).hasValue(1);
  }

  @Test
  void rejects_a_limit_that_is_not_positive() {
    assertThatThrownBy(() -> new CostMeter(BigDecimal.ZERO))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("--max-cost");
  }
}
