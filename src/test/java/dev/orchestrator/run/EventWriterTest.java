package dev.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Events leave the senders' threads at once and reach the listener in order. */
@Timeout(30)
class EventWriterTest {

  private static RunEvent queued(int i) {
    return new RunEvent.TaskQueued(Instant.EPOCH, "task_" + i, "Task " + i);
  }

  @Test
  void senders_do_not_wait_for_a_slow_listener_and_every_event_arrives_in_order() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<String> delivered = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    EventWriter writer =
        EventWriter.start(
            event -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              threads.add(Thread.currentThread().getName());
              delivered.add(((RunEvent.TaskQueued) event).taskId());
            });

    for (int i = 1; i <= 100; i++) {
      writer.on(queued(i)); // would block forever if delivery happened on this thread
    }
    assertThat(delivered).isEmpty();
    release.countDown();
    writer.close();

    assertThat(delivered).hasSize(100).startsWith("task_1", "task_2").endsWith("task_100");
    assertThat(threads).containsOnly("run-events");
  }

  @Test
  void a_listener_that_throws_loses_no_later_event_and_close_does_not_throw() {
    List<RunEvent> delivered = new CopyOnWriteArrayList<>();
    EventWriter writer =
        EventWriter.start(
            event -> {
              delivered.add(event);
              if (delivered.size() == 1) {
                throw new IllegalArgumentException("console gone");
              }
            });

    writer.on(queued(1));
    writer.on(queued(2));
    writer.close();

    assertThat(delivered).hasSize(2);
  }

  @Test
  void close_delivers_everything_even_when_the_closing_thread_is_interrupted() {
    List<RunEvent> delivered = new CopyOnWriteArrayList<>();
    EventWriter writer = EventWriter.start(delivered::add);
    for (int i = 1; i <= 10; i++) {
      writer.on(queued(i));
    }

    Thread.currentThread().interrupt();
    writer.close();

    assertThat(Thread.interrupted()).isTrue();
    assertThat(delivered).hasSize(10);
  }
}
