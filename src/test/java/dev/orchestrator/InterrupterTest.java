package dev.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Interrupts that reach a thread only while it is inside its work. */
@Timeout(10)
class InterrupterTest {

  @AfterEach
  void clearTheInterrupt() {
    Thread.interrupted();
  }

  @Test
  void interrupts_its_thread_from_another_thread() {
    Interrupter interrupter = new Interrupter();

    CompletableFuture.runAsync(interrupter::interrupt).join();

    assertThat(interrupter.hasInterrupted()).isTrue();
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void withdrawing_clears_the_interrupt_it_made_and_says_so() {
    Interrupter interrupter = new Interrupter();
    interrupter.interrupt();

    assertThat(interrupter.withdraw()).isTrue();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void withdrawing_keeps_an_interrupt_it_did_not_make() {
    Interrupter interrupter = new Interrupter();
    Thread.currentThread().interrupt();

    assertThat(interrupter.withdraw()).isFalse();
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void an_interrupt_after_the_thread_withdrew_does_not_reach_it() {
    Interrupter interrupter = new Interrupter();
    interrupter.withdraw();

    CompletableFuture.runAsync(interrupter::interrupt).join();

    assertThat(interrupter.hasInterrupted()).isFalse();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void only_its_thread_may_withdraw() {
    Interrupter interrupter = new Interrupter();

    assertThatThrownBy(() -> CompletableFuture.runAsync(interrupter::withdraw).join())
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasMessageContaining("may withdraw");
  }
}
